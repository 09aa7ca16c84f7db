package aelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class OptimizersTest {

    @Test
    void adamMovesEachWeightByTheLearningRateWhileTheGradientIsSteady() {
        // m_t/(1-b1^t) = g and v_t/(1-b2^t) = g^2 for a constant g: each step is lr * sign(g)
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -2f});
            NDArray g = m.create(new float[] {0.5f, -3f});
            Adam adam = new Adam(0.1f);
            adam.update("w", w, g);
            assertArrayEquals(new float[] {0.9f, -1.9f}, w.toFloatArray(), 1e-5f);
            adam.update("w", w, g);
            assertArrayEquals(new float[] {0.8f, -1.8f}, w.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void sgdWithMomentumFollowsItsRecurrence() {
        // v = mu v - lr g; w = w + v
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f});
            NDArray g = m.create(new float[] {0.5f});
            Sgd sgd = new Sgd(0.1f, 0.9f);
            sgd.update("w", w, g);
            assertEquals(0.95f, w.getFloat(0), 1e-6f);
            sgd.update("w", w, g);
            assertEquals(0.855f, w.getFloat(0), 1e-6f);
        }
    }

    @Test
    void sgdWithoutMomentumIsPlainGradientDescent() {
        // w = w - lr g (MXNet's sgd_update, which takes no momentum array)
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f, -1f});
            Sgd sgd = new Sgd(0.1f, 0f);
            sgd.update("w", w, m.create(new float[] {0.5f, -2f}));
            assertArrayEquals(new float[] {0.95f, -0.8f}, w.toFloatArray(), 1e-6f);
            assertEquals(null, sgd.velocity("w"));
        }
    }

    @Test
    void flushingZeroesOnlyValuesBelowTheThreshold() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1e-31f, -1e-35f, 2e-30f, 0.5f, -1e-39f, -3e-29f});
            Subnormals.flush(a);
            assertArrayEquals(new float[] {0f, 0f, 2e-30f, 0.5f, 0f, -3e-29f}, a.toFloatArray(), 0f); // -0 counts as 0
        }
    }

    @Test
    void theMomentumOfAParameterWithoutGradientIsFlushedBeforeItTurnsSubnormal() {
        // after one real gradient, 899 zero ones leave 0.1 * 0.9^899 ~ 7e-43 of momentum: subnormal
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = m.create(new float[] {1f});
            Sgd sgd = new Sgd(0.1f, 0.9f);
            sgd.update("w", w, m.create(new float[] {1f}));
            NDArray zero = m.create(new float[] {0f});
            for (int i = 0; i < 899; i++) {
                sgd.update("w", w, zero);
            }
            assertEquals(0f, Math.abs(sgd.velocity("w").getFloat(0)), 0f);
            assertEquals(1f - 0.1f / (1 - 0.9f), w.getFloat(0), 1e-5f);
        }
    }
}
