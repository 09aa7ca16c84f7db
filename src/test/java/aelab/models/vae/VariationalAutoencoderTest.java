package aelab.models.vae;

import aelab.models.BothSteps;

import static aelab.TestData.digits;
import static aelab.TestData.testDigits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariationalAutoencoderTest {

    @Test
    void shapesOfCodesReconstructionsAndSamples() {
        ImageSet x = digits(7);
        try (VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoderConfig.keras2d())) {
            assertEquals(7, vae.encodeMeans(x).length);
            assertEquals(2, vae.encodeMeans(x)[0].length);
            assertEquals(2, vae.encodeLogVariances(x)[6].length);
            assertEquals(784, vae.reconstruct(x)[0].length);
            float[][] s = vae.sample(5);
            assertEquals(5, s.length);
            for (float v : s[0]) {
                assertTrue(v >= 0 && v <= 1, "decoder outputs are Bernoulli means");
            }
        }
    }

    @Test
    void negativeElboFallsAndSplitsIntoItsTerms() {
        ImageSet train = digits(2000);
        ImageSet test = testDigits(500);
        Engine.getInstance().setRandomSeed(8);
        try (VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoderConfig.pytorch20())) {
            double[] before = vae.negativeElbo(test);
            History h = vae.fit(train, new TrainingLoop.Options(4, 128, 2, false));
            double[] after = vae.negativeElbo(test);
            assertEquals(after[0], after[1] + after[2], 1e-3, "ELBO = reconstruction + KL");
            assertTrue(before[0] > 500 && after[0] < 200, "test -ELBO " + before[0] + " -> " + after[0]);
            assertTrue(after[2] > 1, "the KL term is in use: " + after[2]);
            double[] loss = h.values("loss");
            assertTrue(loss[3] < loss[0], h.toString());
            assertEquals(h.last("loss"), h.last("reconstruction") + h.last("kl"), 1e-3);
        }
    }

    @Test
    void meanScalingMakesTheKlTermNegligible() {
        ImageSet train = digits(1000);
        Engine.getInstance().setRandomSeed(9);
        var config = VariationalAutoencoderConfig.keras2d().withScaling(VariationalAutoencoder.Scaling.MEAN);
        try (VariationalAutoencoder vae = new VariationalAutoencoder(config)) {
            History h = vae.fit(train, new TrainingLoop.Options(2, 100, 2, false));
            // averaged over 784 pixels, the reconstruction term dwarfs the KL by orders of magnitude less than summed
            assertTrue(h.last("reconstruction") < 1, h.toString());
        }
    }

    @Test
    void gaussianLikelihoodTrainsToo() {
        ImageSet train = digits(1000);
        Engine.getInstance().setRandomSeed(10);
        var config = VariationalAutoencoderConfig.pytorch20().withGaussianLikelihood(0.2f);
        try (VariationalAutoencoder vae = new VariationalAutoencoder(config)) {
            History h = vae.fit(train, new TrainingLoop.Options(3, 100, 2, false));
            assertTrue(h.last("reconstruction") < h.values("reconstruction")[0], h.toString());
            assertEquals(h.last("loss"), h.last("reconstruction") + h.last("kl"), 1e-2);
        }
    }

    /** The cached graph must give the layer-by-layer step's losses, with and without the sigma bug and mean scaling. */
    @Test
    void theCachedGraphTrainsExactlyAsTheLayerByLayerStep() {
        ImageSet train = digits(400);
        var base = VariationalAutoencoderConfig.pytorch20();
        for (var config : List.of(base, base.withSigmaBug().withScaling(VariationalAutoencoder.Scaling.MEAN))) {
            List<double[][]> runs = BothSteps.run(12, cached -> {
                try (VariationalAutoencoder vae = new VariationalAutoencoder(config)) {
                    assertEquals(cached, vae.cachedLoss().isPresent());
                    History h = vae.fit(train, new TrainingLoop.Options(2, 100, 3, false));
                    return new double[][] {h.values("loss"), h.values("reconstruction"), h.values("kl")};
                }
            });
            for (int k = 0; k < 3; k++) {
                assertArrayEquals(runs.get(1)[k], runs.get(0)[k], 1e-4 * Math.abs(runs.get(1)[0][0]),
                        config.name() + " term " + k);
            }
            assertTrue(runs.get(0)[0][1] < runs.get(0)[0][0], java.util.Arrays.toString(runs.get(0)[0]));
        }
    }
}
