package aelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class TransposedConv2dTest {

    private static final float[] X = {1, 2, 3, 4, -1, 0, 2, 1};
    private static final float[] BIAS = {0.5f, -1f, 2f};

    private static float[] weights() {
        float[] w = new float[2 * 3 * 2 * 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 7) - 3;
        }
        return w;
    }

    /** out[o][2i+a][2j+b] = bias[o] + sum_c x[c][i][j] * w[c][o][a][b], for 2 channels of 2x2, 3 filters. */
    private static float[] definition() {
        float[] w = weights();
        float[] out = new float[3 * 4 * 4];
        for (int o = 0; o < 3; o++) {
            for (int y = 0; y < 4; y++) {
                for (int z = 0; z < 4; z++) {
                    double v = BIAS[o];
                    for (int c = 0; c < 2; c++) {
                        v += X[c * 4 + (y / 2) * 2 + z / 2] * w[((c * 3 + o) * 2 + y % 2) * 2 + z % 2];
                    }
                    out[(o * 4 + y) * 4 + z] = (float) v;
                }
            }
        }
        return out;
    }

    private static TransposedConv2d layer(NDManager m) {
        TransposedConv2d t = new TransposedConv2d(3, 2, 2);
        t.initialize(m, DataType.FLOAT32, new Shape(1, 2, 2, 2));
        t.getParameters().get("weight").getArray().set(weights());
        t.getParameters().get("bias").getArray().set(BIAS);
        return t;
    }

    @Test
    void theEnginesPathMatchesTheDefinition() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray out = layer(m).forward(new ParameterStore(m, false),
                    new NDList(m.create(X, new Shape(1, 2, 2, 2))), false).singletonOrThrow();
            assertEquals(new Shape(1, 3, 4, 4), out.getShape());
            assertArrayEquals(definition(), out.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void theMatrixProductPathMatchesTheDefinitionAndTheEnginesGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            TransposedConv2d t = layer(m);
            NDArray w = t.getParameters().get("weight").getArray();
            NDArray b = t.getParameters().get("bias").getArray();
            NDArray x = m.create(X, new Shape(1, 2, 2, 2));
            assertArrayEquals(definition(), t.byProduct(x, w, b).toFloatArray(), 1e-5f);
            // the same loss through both paths gives the same gradients for the weights and the input
            NDArray target = m.arange(48f).reshape(1, 3, 4, 4).div(10f);
            float[][] viaEngine = gradients(t, x, target, false);
            float[][] viaProduct = gradients(t, x, target, true);
            for (int i = 0; i < viaEngine.length; i++) {
                assertArrayEquals(viaEngine[i], viaProduct[i], 1e-4f, "gradient " + i);
            }
        }
    }

    /** Gradients of sum((out - target)^2) with respect to weight, bias and input. */
    private static float[][] gradients(TransposedConv2d t, NDArray x0, NDArray target, boolean byProduct) {
        NDManager m = x0.getManager();
        NDArray x = x0.duplicate();
        x.setRequiresGradient(true);
        NDArray w = t.getParameters().get("weight").getArray();
        NDArray b = t.getParameters().get("bias").getArray();
        for (NDArray p : new NDArray[] {w, b}) {
            // PyTorch adds each backward pass to the gradients; MXNet overwrites them
            NDArray g = p.getGradient();
            g.subi(g);
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = byProduct ? t.byProduct(x, w, b)
                    : t.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            gc.backward(out.sub(target).square().sum());
        }
        return new float[][] {w.getGradient().toFloatArray(), b.getGradient().toFloatArray(),
            x.getGradient().toFloatArray()};
    }
}
