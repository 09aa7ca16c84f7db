package aelab.models.clustering;

import aelab.models.BothSteps;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.metrics.Clustering;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeepClusteringTest {

    private static final TrainingLoop.Options PRETRAIN = new TrainingLoop.Options(8, 128, 1, false);

    private static int largestCluster(int[] assignments) {
        int[] counts = new int[10];
        for (int c : assignments) {
            counts[c]++;
        }
        return Arrays.stream(counts).max().getAsInt();
    }

    @Test
    void pretrainingThenDecSharpensTheAssignments() {
        ImageSet data = digits(1500);
        Engine.getInstance().setRandomSeed(15);
        // Adam pre-trains faster over these few steps; this test is about the clustering stage
        try (DeepClustering dec = new DeepClustering(DeepClusteringConfig.dec().toBuilder().kmeansRestarts(3).updateInterval(20)
                .pretraining(DeepClusteringConfig.Pretraining.adam()).build())) {
            History pre = dec.pretrain(data, PRETRAIN);
            assertTrue(pre.last("mse") < 0.7 * pre.values("mse")[0], pre.toString());
            assertEquals(10, dec.encode(data.head(2))[0].length);
            int[] km = dec.initialiseCentres(data, 1);
            double kmAcc = Clustering.accuracy(km, data.labels());
            assertTrue(kmAcc > 0.25, "k-means on the codes beats chance: " + kmAcc);
            // the centres are the k-means centres: Q's hard assignment agrees with k-means almost everywhere
            int[] start = dec.predict(data);
            int same = 0;
            for (int i = 0; i < start.length; i++) {
                same += start[i] == km[i] ? 1 : 0;
            }
            assertTrue(same > 0.95 * start.length, same + " of " + start.length);
            float[][] q = dec.softAssignments(data.head(5));
            assertEquals(1.0, sum(q[0]), 1e-4, "each row of Q sums to 1");
            double confidenceBefore = meanMax(dec.softAssignments(data));
            History h = dec.cluster(data, new TrainingLoop.Options(6, 128, 1, false));
            // KL(P || Q) rises at each new, sharper target; what must grow is Q's confidence
            double confidenceAfter = meanMax(dec.softAssignments(data));
            assertTrue(confidenceAfter > 1.02 * confidenceBefore, "mean max q " + confidenceBefore + " -> "
                    + confidenceAfter + "\n" + h);
            assertTrue(largestCluster(dec.predict(data)) < 0.5 * data.size(), "no collapse with a fixed target");
        }
    }

    @Test
    void decKerasPretrainingStartsFromFanInUniformWeightsAndLearns() {
        ImageSet data = digits(1000);
        Engine.getInstance().setRandomSeed(15);
        try (DeepClustering dec = new DeepClustering(DeepClusteringConfig.dec())) {
            float[] w = dec.firstLayerWeights();
            double bound = 1 / Math.sqrt(784);
            double max = 0;
            double sumSq = 0;
            for (float v : w) {
                max = Math.max(max, Math.abs(v));
                sumSq += v * v;
            }
            assertTrue(max <= bound && max > 0.99 * bound, "weights uniform in +-1/sqrt(784): max " + max);
            // a uniform draw on [-b, b] has variance b^2 / 3
            assertEquals(bound * bound / 3, sumSq / w.length, 0.05 * bound * bound / 3);
            History pre = dec.pretrain(data, new TrainingLoop.Options(6, 256, 1, false));
            assertTrue(pre.last("mse") < 0.8 * pre.values("mse")[0], "SGD lr 1 with momentum learns: " + pre);
            double norm = dec.meanCodeNorm(data);
            assertTrue(norm > 0 && Double.isFinite(norm), "mean code norm " + norm);
        }
    }

    /**
     * The DEC paper's greedy stage trains the pairs in turn, lowest first, each one's denoising error
     * falling, and leaves a stack whose end-to-end training starts lower than from fresh weights.
     */
    @Test
    void greedyLayerwisePretrainingTrainsEachPairInTurnAndGivesABetterStart() {
        ImageSet data = digits(1500);
        TrainingLoop.Options greedyOptions = new TrainingLoop.Options(12, 64, 1, false);
        TrainingLoop.Options oneEpoch = new TrainingLoop.Options(1, 256, 1, false);
        DeepClusteringConfig config = DeepClusteringConfig.dec().toBuilder().pretraining(DeepClusteringConfig.Pretraining.decPaper()).build();
        Engine.getInstance().setRandomSeed(15);
        double greedyStart;
        try (DeepClustering dec = new DeepClustering(config)) {
            History greedy = dec.pretrainGreedy(data, greedyOptions);
            double[] layer = greedy.values("layer");
            double[] mse = greedy.values("mse");
            assertEquals(List.of(1.0, 1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 4.0),
                    Arrays.stream(layer).boxed().toList(), greedy.toString());
            for (int k = 0; k < 4; k++) {
                assertTrue(mse[3 * k + 2] < mse[3 * k], "layer " + (k + 1) + "'s denoising error falls: " + greedy);
            }
            greedyStart = dec.pretrain(data, oneEpoch).values("mse")[0];
        }
        Engine.getInstance().setRandomSeed(15);
        try (DeepClustering fresh = new DeepClustering(config)) {
            double freshStart = fresh.pretrain(data, oneEpoch).values("mse")[0];
            assertTrue(greedyStart < 0.8 * freshStart, "end to end from the greedy stack " + greedyStart
                    + " against from fresh weights " + freshStart);
        }
    }

    /** The cached MXNet graph (encoder and decoder in one) must pre-train exactly as the layer-by-layer step. */
    @Test
    void cachedPretrainingMatchesTheLayerByLayerStep() {
        ImageSet data = digits(512);
        List<Object[]> runs = BothSteps.run(15, cached -> {
            try (DeepClustering dec = new DeepClustering(DeepClusteringConfig.dec())) {
                assertEquals(cached, dec.cachedPretrainingLoss().isPresent());
                double[] mse = dec.pretrain(data, new TrainingLoop.Options(3, 128, 1, false)).values("mse");
                return new Object[] {mse, dec.encode(data.head(1))[0]};
            }
        });
        double[] cached = (double[]) runs.get(0)[0];
        double[] layered = (double[]) runs.get(1)[0];
        assertTrue(cached[2] < cached[0], Arrays.toString(cached));
        org.junit.jupiter.api.Assertions.assertArrayEquals(layered, cached, 1e-5 * layered[0]);
        org.junit.jupiter.api.Assertions.assertArrayEquals((float[]) runs.get(1)[1], (float[]) runs.get(0)[1], 1e-3f);
    }

    @Test
    void pretrainingOnShiftedDigitsLearnsAndLeavesTheDataAsItWas() {
        ImageSet data = digits(1000);
        float[] before = data.image(0);
        Engine.getInstance().setRandomSeed(15);
        try (DeepClustering shifted = new DeepClustering(DeepClusteringConfig.dec().toBuilder().pretrainShift(2).build())) {
            History pre = shifted.pretrain(data, new TrainingLoop.Options(4, 128, 1, false));
            assertTrue(pre.last("mse") < 0.8 * pre.values("mse")[0], pre.toString());
        }
        assertTrue(Arrays.equals(before, data.image(0)), "the shifts work on copies");
    }

    @Test
    void fineTuningOnShiftedDigitsFitsTheirQToTheCleanDigitsTarget() {
        ImageSet data = digits(600);
        float[] before = data.image(0);
        double[][] kl = new double[2][];
        for (int shift : new int[] {0, 2}) {
            Engine.getInstance().setRandomSeed(9);
            var config = DeepClusteringConfig.dec().toBuilder().kmeansRestarts(1).updateInterval(1000).tuneShift(shift);
            try (DeepClustering m = new DeepClustering(config.pretraining(DeepClusteringConfig.Pretraining.adam()).build())) {
                m.pretrain(data, new TrainingLoop.Options(3, 128, 1, false));
                m.initialiseCentres(data, 1);
                kl[shift / 2] = m.cluster(data, new TrainingLoop.Options(4, 128, 1, false)).values("kl");
            }
        }
        // P is fixed over these 4 epochs (one update): moved digits sit further from their clean
        // digits' target at first, and the loss still falls as the encoder learns to map them there
        assertTrue(kl[1][0] > kl[0][0], "first-epoch KL without shifts " + kl[0][0] + ", with " + kl[1][0]);
        assertTrue(kl[1][3] < kl[1][0], "KL with shifts " + Arrays.toString(kl[1]));
        assertTrue(Arrays.equals(before, data.image(0)), "the shifts work on copies");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DeepClusteringConfig.dec().toBuilder().tuneShift(-1).build());
        assertTrue(e.getMessage().contains("0 or more pixels"), e.getMessage());
    }

    @Test
    void computingTheTargetFromTheBatchWithItsGradientCollapsesTheClusters() {
        ImageSet data = digits(1500);
        Engine.getInstance().setRandomSeed(15);
        try (DeepClustering dec = new DeepClustering(DeepClusteringConfig.dec().toBuilder().kmeansRestarts(3).build().withCollapse())) {
            dec.pretrain(data, PRETRAIN);
            dec.initialiseCentres(data, 1);
            int before = largestCluster(dec.predict(data));
            dec.cluster(data, new TrainingLoop.Options(6, 128, 1, false));
            int after = largestCluster(dec.predict(data));
            assertTrue(before < 0.4 * data.size() && after > 0.75 * data.size(),
                    "largest cluster " + before + " -> " + after + " of " + data.size());
        }
    }

    @Test
    void idecAndAdecReportTheirExtraTerms() {
        ImageSet data = digits(600);
        for (DeepClusteringConfig c : List.of(DeepClusteringConfig.idec(), DeepClusteringConfig.adec())) {
            try (DeepClustering m = new DeepClustering(c.toBuilder().kmeansRestarts(1).updateInterval(1000).build())) {
                m.pretrain(data, new TrainingLoop.Options(2, 128, 1, false));
                m.initialiseCentres(data, 1);
                History h = m.cluster(data, new TrainingLoop.Options(4, 128, 1, false));
                // after two epochs of pre-training the decoder still has much to learn: its error falls
                // (slowly for ADEC, whose decoder tunes with SGD at 0.001)
                double[] mse = h.values("mse");
                assertTrue(java.util.Arrays.stream(mse, 1, mse.length).min().getAsDouble() < mse[0], h.toString());
                List<String> expected = c.method() == DeepClustering.Method.IDEC
                        ? List.of("kl", "mse", "changed")
                        : List.of("kl", "adversarial", "mse", "d_loss", "d_accuracy", "changed");
                assertEquals(expected, h.termNames());
                assertTrue(m.scores(data).get("acc") > 0.1);
            }
        }
    }

    @Test
    void targetUpdatesFollowTheOriginalsIntervalForTheDataSetSize() {
        // DEC-keras: 140 on the 70,000 MNIST and Fashion-MNIST images, 30 on USPS (9,298); DEC-DA: 30 on MNIST-test
        assertEquals(140, DeepClusteringConfig.updateIntervalFor(70_000));
        assertEquals(30, DeepClusteringConfig.updateIntervalFor(10_000));
        assertEquals(30, DeepClusteringConfig.updateIntervalFor(9_298));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> DeepClusteringConfig.dec().toBuilder().updateInterval(0).build());
        assertTrue(e.getMessage().contains("every 1 or more batches"), e.getMessage());
    }

    private static double meanMax(float[][] q) {
        double s = 0;
        for (float[] row : q) {
            float m = 0;
            for (float v : row) {
                m = Math.max(m, v);
            }
            s += m;
        }
        return s / q.length;
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
