package aelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void wideModelsGetEveryCoreAndSmallOnesMxnetsDefaultOfHalf() {
        assertEquals(2, Threads.forValues(Threads.WIDE, 2));
        assertEquals(1, Threads.forValues(Threads.WIDE - 1, 2));
        assertEquals(8, Threads.forValues(1000, 16));
        assertEquals(16, Threads.forValues(5_000_000, 16));
        assertEquals(1, Threads.forValues(1000, 1));
    }

    @Test
    void networksAreCountedTogether() {
        Engine.getEngine("MXNet");
        int cpus = Runtime.getRuntime().availableProcessors();
        try (NDManager manager = NDManager.newBaseManager()) {
            // 784 x 600 weights plus 600 biases: 471,000 values each
            Network a = new Network("a", Linear.builder().setUnits(600).build(), new Sgd(0.1f, 0f), manager,
                    new Shape(1, 784));
            Network b = new Network("b", Linear.builder().setUnits(600).build(), new Sgd(0.1f, 0f), manager,
                    new Shape(1, 784));
            Network c = new Network("c", Linear.builder().setUnits(600).build(), new Sgd(0.1f, 0f), manager,
                    new Shape(1, 784));
            Network d = new Network("d", Linear.builder().setUnits(600).build(), new Sgd(0.1f, 0f), manager,
                    new Shape(1, 784));
            assertEquals(471_000, a.parameterCount());
            assertEquals(Math.max(1, cpus / 2), Threads.suit(a, b, c));
            assertEquals(cpus, Threads.suit(a, b, c, d));
        }
    }
}
