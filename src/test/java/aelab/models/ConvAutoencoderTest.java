package aelab.models;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import aelab.nn.TransposedConv2d;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConvAutoencoderTest {

    @Test
    void transposedConvolutionMatchesItsDefinition() {
        // 1 sample, 2 input channels of 2x2, 3 filters, kernel 2, stride 2: each input pixel
        // paints its own 2x2 block: out[o][2i+a][2j+b] = bias[o] + sum_c x[c][i][j] * w[c][o][a][b]
        try (NDManager m = NDManager.newBaseManager()) {
            TransposedConv2d t = new TransposedConv2d(3, 2, 2);
            t.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2, 2, 2));
            float[] w = new float[2 * 3 * 2 * 2];
            for (int i = 0; i < w.length; i++) {
                w[i] = (i % 7) - 3;
            }
            t.getParameters().get("weight").getArray().set(w);
            t.getParameters().get("bias").getArray().set(new float[] {0.5f, -1f, 2f});
            float[] x = {1, 2, 3, 4, -1, 0, 2, 1};
            float[] out = t.forward(new ParameterStore(m, false), new NDList(m.create(x, new Shape(1, 2, 2, 2))), false)
                    .singletonOrThrow().toFloatArray();
            assertEquals(3 * 4 * 4, out.length);
            float[] bias = {0.5f, -1f, 2f};
            for (int o = 0; o < 3; o++) {
                for (int y = 0; y < 4; y++) {
                    for (int z = 0; z < 4; z++) {
                        double expected = bias[o];
                        for (int c = 0; c < 2; c++) {
                            expected += x[c * 4 + (y / 2) * 2 + z / 2] * w[((c * 3 + o) * 2 + y % 2) * 2 + z % 2];
                        }
                        assertEquals(expected, out[(o * 4 + y) * 4 + z], 1e-5, "out[" + o + "][" + y + "][" + z + "]");
                    }
                }
            }
        }
    }

    @Test
    void shapesAndTheWorkingNetworkLearns() {
        ImageSet train = digits(1000);
        Engine.getEngine("MXNet").setRandomSeed(12);
        try (ConvAutoencoder ae = new ConvAutoencoder(ConvAutoencoder.Config.working())) {
            assertEquals(32, ae.encode(train.head(3))[0].length);
            assertEquals(784, ae.reconstruct(train.head(3))[2].length);
            double before = ae.reconstructionError(train);
            History h = ae.fit(train, new TrainingLoop.Options(4, 50, 1, false));
            double after = ae.reconstructionError(train);
            assertTrue(after < 0.6 * before && h.last("mse") < h.values("mse")[0], before + " -> " + after + "\n" + h);
            double[] var = Diagnostics.columnVariance(ae.encode(train.head(200)));
            assertTrue(Arrays.stream(var).max().getAsDouble() > 1e-3, "codes differ between inputs");
        }
    }

    @Test
    void theFailingNetworkGivesEveryInputNearlyTheSameCode() {
        ImageSet sorted = digits(1000);
        int[] order = java.util.stream.IntStream.range(0, sorted.size()).boxed()
                .sorted(java.util.Comparator.comparingInt(sorted::label)).mapToInt(Integer::intValue).toArray();
        sorted = sorted.select(order);
        Engine.getEngine("MXNet").setRandomSeed(12);
        double failingSpread;
        try (ConvAutoencoder ae = new ConvAutoencoder(ConvAutoencoder.Config.failing())) {
            ae.fit(sorted, new TrainingLoop.Options(2, 100, 1, false).unshuffled());
            failingSpread = Arrays.stream(Diagnostics.columnVariance(ae.encode(sorted.head(300)))).sum();
        }
        try (ConvAutoencoder ae = new ConvAutoencoder(ConvAutoencoder.Config.working())) {
            ae.fit(sorted, new TrainingLoop.Options(2, 100, 1, false));
            double workingSpread = Arrays.stream(Diagnostics.columnVariance(ae.encode(sorted.head(300)))).sum();
            assertTrue(failingSpread < 0.1 * workingSpread, "code variance " + failingSpread + " vs " + workingSpread);
        }
    }

    @Test
    void diagnosticsPickTheMostVariedColumns() {
        float[][] rows = {{0, 5, 1}, {0, -5, 2}, {0, 5, 3}};
        assertEquals(0.0, Diagnostics.columnVariance(rows)[0], 1e-12);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 2}, Diagnostics.mostVaried(rows, 2));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {-5, 2}, Diagnostics.columns(rows, 1, 2)[1]);
    }
}
