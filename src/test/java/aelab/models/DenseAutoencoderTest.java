package aelab.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseAutoencoderTest {

    private static ImageSet digits(int n) {
        return Mnist.load(Mnist.dataRoot().resolve("mnist")).train().head(n);
    }

    @Test
    void encodesToTheCodeSizeAndReconstructsToTheInputSize() {
        ImageSet x = digits(5);
        try (DenseAutoencoder ae = new DenseAutoencoder(DenseAutoencoder.Config.stacked())) {
            float[][] codes = ae.encode(x);
            assertEquals(5, codes.length);
            assertEquals(10, codes[0].length);
            assertEquals(784, ae.reconstruct(x)[4].length);
        }
    }

    @Test
    void lossFallsOnRealDigitsAndListenersSeeEveryEpoch() {
        ImageSet train = digits(1000);
        Engine.getEngine("MXNet").setRandomSeed(3);
        List<Integer> seen = new ArrayList<>();
        try (DenseAutoencoder ae = new DenseAutoencoder(DenseAutoencoder.Config.small())) {
            double before = ae.reconstructionError(train);
            History h = ae.fit(train, new TrainingLoop.Options(4, 64, 1, false), hist -> seen.add(hist.size()));
            double[] bce = h.values("bce");
            assertTrue(bce[3] < 0.8 * bce[0], "BCE should fall by a fifth over 4 epochs: " + h);
            double after = ae.reconstructionError(train);
            assertTrue(after < 0.7 * before, "MSE " + before + " -> " + after);
            assertEquals(List.of(1, 2, 3, 4), seen);
            assertEquals(4, h.table().rowCount());
        }
    }

    @Test
    void sameSeedGivesTheSameLosses() {
        ImageSet train = digits(300);
        double[][] runs = new double[2][];
        for (int r = 0; r < 2; r++) {
            Engine.getEngine("MXNet").setRandomSeed(11);
            try (DenseAutoencoder ae = new DenseAutoencoder(DenseAutoencoder.Config.basic32())) {
                runs[r] = ae.fit(train, new TrainingLoop.Options(2, 50, 5, false)).values("bce");
            }
        }
        assertArrayEquals(runs[0], runs[1], 0.0);
    }

    @Test
    void configNeedsAnInputAndACode() {
        assertThrows(IllegalArgumentException.class, () -> new DenseAutoencoder.Config("x", new int[] {784},
                Activation.RELU, Activation.RELU, Activation.SIGMOID, DenseAutoencoder.Reconstruction.BCE, 1e-3f));
    }
}
