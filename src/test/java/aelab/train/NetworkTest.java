package aelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.ConstantInitializer;
import org.junit.jupiter.api.Test;

class NetworkTest {

    /** A 2 -> 1 linear layer, weights 0 and bias 0, stepped by plain SGD (rate 1) after loss = x . w + b. */
    private static float[] stepOnce(float maxNorm) {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).build();
            layer.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
            layer.setInitializer(new ConstantInitializer(0f), Parameter.Type.BIAS);
            Network net = new Network("linear", layer, new Sgd(1f, 0f), m, new Shape(1, 2));
            NDArray x = m.create(new float[] {3f, 4f}, new Shape(1, 2)); // gradient: w <- (3, 4), b <- 1
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(net.forward(x, true).sum());
            }
            net.step(maxNorm);
            float[] w = layer.getParameters().get("weight").getArray().toFloatArray();
            float b = layer.getParameters().get("bias").getArray().getFloat(0);
            return new float[] {w[0], w[1], b};
        }
    }

    @Test
    void clippingScalesEveryGradientByOneFactorDownToTheNorm() {
        // ||(3, 4, 1)|| = sqrt(26): clipped to 1 the step is -(3, 4, 1) / sqrt(26)
        float k = (float) (1 / Math.sqrt(26));
        assertArrayEquals(new float[] {-3 * k, -4 * k, -k}, stepOnce(1f), 1e-6f);
        // under the threshold, and with none, the gradient is applied as it is
        assertArrayEquals(new float[] {-3f, -4f, -1f}, stepOnce(10f), 1e-6f);
        assertArrayEquals(new float[] {-3f, -4f, -1f}, stepOnce(0f), 1e-6f);
    }

    @Test
    void aClippedStepLeavesNoArrayBehind() {
        // the norm's intermediate arrays are closed (a leak here grows native memory every step)
        try (NDManager m = NDManager.newBaseManager()) {
            Network net = new Network("linear", Linear.builder().setUnits(3).build(), new Sgd(0.1f, 0f), m,
                    new Shape(1, 4));
            long[] held = new long[2];
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < 5; i++) {
                    try (NDManager batch = m.newSubManager();
                            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(net.forward(batch.ones(new Shape(2, 4)), true).sum());
                    }
                    net.step(1e-3f);
                }
                held[round] = m.getManagedArrays().size();
            }
            assertEquals(held[0], held[1]);
        }
    }

    /**
     * An empty batch's zero gradients still move Adam's weights, along its running mean: after one step
     * with gradient (3, 4) from weights 0, each empty step is lr * sqrt(1 - b2^t) / (1 - b1^t) * b1^k m /
     * (sqrt(b2^k v) + eps), in the direction of the first; plain SGD does not move.
     */
    @Test
    void anEmptyStepMovesAdamAlongItsMomentumButNotPlainSgd() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).optBias(false).build();
            layer.setInitializer(new ConstantInitializer(0f), Parameter.Type.WEIGHT);
            Network net = new Network("linear", layer, new Adam(0.1f), m, new Shape(1, 2));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(net.forward(m.create(new float[] {3f, 4f}, new Shape(1, 2)), true).sum());
            }
            net.step();
            float[] afterReal = layer.getParameters().get("weight").getArray().toFloatArray();
            net.emptyStep();
            float[] afterEmpty = layer.getParameters().get("weight").getArray().toFloatArray();
            for (int i = 0; i < 2; i++) {
                double g = i == 0 ? 3 : 4;
                double mean = 0.1 * g * 0.9;
                double variance = 0.001 * g * g * 0.999;
                double rate = 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
                assertEquals(afterReal[i] - rate * mean / (Math.sqrt(variance) + 1e-8), afterEmpty[i], 1e-5);
                assertTrue(afterEmpty[i] < afterReal[i] && afterReal[i] < 0, "moves on in the first step's direction");
            }
            assertEquals(2, net.steps());
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).build();
            Network net = new Network("linear", layer, new Sgd(1f, 0f), m, new Shape(1, 2));
            float[] before = layer.getParameters().get("weight").getArray().toFloatArray();
            net.emptyStep();
            assertArrayEquals(before, layer.getParameters().get("weight").getArray().toFloatArray(), 0f);
        }
    }
}
