package aelab.models.conv;

import aelab.models.BothSteps;

import aelab.models.Diagnostics;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvAutoencoderTest {

    @Test
    void shapesAndTheWorkingNetworkLearns() {
        ImageSet train = digits(1000);
        Engine.getInstance().setRandomSeed(12);
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
        Engine.getInstance().setRandomSeed(12);
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

    /** The cached graph (convolutions, dense layers, transposed convolutions, loss) must train as layer by layer. */
    @Test
    void theCachedGraphTrainsExactlyAsTheLayerByLayerStep() {
        ImageSet train = digits(300);
        for (var config : List.of(ConvAutoencoder.Config.working(), ConvAutoencoder.Config.failing())) {
            List<double[]> runs = BothSteps.run(13, cached -> {
                try (ConvAutoencoder ae = new ConvAutoencoder(config)) {
                    assertEquals(cached, ae.cachedLoss().isPresent());
                    return ae.fit(train, new TrainingLoop.Options(2, 50, 4, false)).values("mse");
                }
            });
            assertArrayEquals(runs.get(1), runs.get(0), 1e-5 * runs.get(1)[0], config.name());
        }
    }
}
