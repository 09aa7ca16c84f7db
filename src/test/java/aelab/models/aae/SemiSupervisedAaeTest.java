package aelab.models.aae;

import static aelab.TestData.digits;
import static aelab.TestData.testDigits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.metrics.NearestNeighbours;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemiSupervisedAaeTest {

    @Test
    void aHundredLabelsTeachTheCategoricalCodeToClassify() {
        ImageSet train = digits(2000);
        ImageSet test = testDigits(500);
        ImageSet labelled = train.balanced(10, 3);
        Engine.getInstance().setRandomSeed(16);
        try (SemiSupervisedAae aae = new SemiSupervisedAae(SemiSupervisedAaeConfig.tutorial().withHidden(256))) {
            double before = aae.errorRate(test);
            var reportBefore = aae.criticReport(test, 1);
            History h = aae.fit(train, labelled, new TrainingLoop.Options(4, 100, 1, false));
            double after = aae.errorRate(test);
            var reportAfter = aae.criticReport(test, 1);
            for (var e : reportAfter.entrySet()) {
                assertTrue(e.getValue() >= 0 && (e.getKey().endsWith("_std") || e.getValue() <= 1), e.toString());
            }
            // the categorical prior and the labels push each softmax code toward one class
            assertTrue(reportAfter.get("mean_largest_class_probability") > 1.5 * reportBefore.get("mean_largest_class_probability"),
                    reportBefore + " -> " + reportAfter);
            assertTrue(before > 0.7 && after < 0.5, "test error " + before + " -> " + after);
            assertTrue(h.last("classification") < h.values("classification")[0], h.toString());
            assertTrue(h.last("reconstruction") < h.values("reconstruction")[0], h.toString());
            assertEquals(2, aae.styles(test.head(3))[0].length);
            assertEquals(784, aae.generate(new float[][] {{0, 0}}, 4)[0].length);
        }
    }

    @Test
    void theRefinedPresetStepsItsRatesDownAndReportsTheValidationErrorEachEpoch() {
        SemiSupervisedAaeConfig refined = SemiSupervisedAaeConfig.refined(6);
        assertEquals(1f, refined.rateFactor(2));
        assertEquals(0.1f, refined.rateFactor(3), 1e-7);
        assertEquals(0.01f, refined.rateFactor(5), 1e-8);
        ImageSet digits = digits(700);
        ImageSet validation = digits.head(200);
        ImageSet train = digits.drop(200);
        Engine.getInstance().setRandomSeed(3);
        try (SemiSupervisedAae aae = new SemiSupervisedAae(refined.withHidden(64))) {
            History h = aae.fit(train, train.balanced(5, 1), validation, new TrainingLoop.Options(2, 100, 1, false));
            List<String> terms = new ArrayList<>(SemiSupervisedAae.LOSS_TERMS);
            terms.add("validation_error");
            assertEquals(terms, h.termNames());
            double[] errors = h.values("validation_error");
            assertEquals(2, errors.length);
            assertEquals(100 * aae.errorRate(validation), errors[1], 1e-9);
            assertEquals(10, aae.styles(validation.head(2))[0].length);
        }
    }

    @Test
    void labelledReconstructionAddsTheLabelledBatchsOwnTerm() {
        ImageSet train = digits(500);
        double[] first = new double[2];
        for (int k = 0; k < 2; k++) {
            Engine.getInstance().setRandomSeed(21);
            var config = SemiSupervisedAaeConfig.refined(20).withHidden(64).withLabelledReconstruction(k == 1);
            try (SemiSupervisedAae aae = new SemiSupervisedAae(config)) {
                first[k] = aae.fit(train, train.balanced(10, 3), new TrainingLoop.Options(1, 100, 1, false))
                        .last("reconstruction");
            }
        }
        // two BCE means of similar digits, the second rebuilt from one-hot labels instead of softmax codes
        assertTrue(first[1] > 1.6 * first[0] && first[1] < 2.4 * first[0], "first-epoch reconstruction " + first[0]
                + " without, " + first[1] + " with the labelled batch");
    }

    @Test
    void theShiftedAndTurnedPresetsTrainOnMovedImagesAndRejectBadAmounts() {
        ImageSet train = digits(600);
        var configs = List.of(SemiSupervisedAaeConfig.augmented(20, 0, 0), SemiSupervisedAaeConfig.augmented(20, 2, 0),
                SemiSupervisedAaeConfig.augmented(20, 0, 10));
        double[][] rec = new double[configs.size()][];
        for (int k = 0; k < configs.size(); k++) {
            Engine.getInstance().setRandomSeed(8);
            try (SemiSupervisedAae aae = new SemiSupervisedAae(configs.get(k).withHidden(64))) {
                rec[k] = aae.fit(train, train.balanced(5, 1), new TrainingLoop.Options(2, 100, 1, false))
                        .values("reconstruction");
            }
        }
        assertEquals(2, configs.get(1).shift());
        assertEquals(10, configs.get(2).turn());
        // the same seed sees other pixels once the images move or turn, and still learns to rebuild them
        for (int k = 1; k < configs.size(); k++) {
            assertTrue(Math.abs(rec[k][0] - rec[0][0]) > 1e-4, configs.get(k) + ": " + rec[k][0] + " against " + rec[0][0]);
            assertTrue(rec[k][1] < rec[k][0], "reconstruction of " + configs.get(k) + ": " + java.util.Arrays.toString(rec[k]));
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SemiSupervisedAaeConfig.augmented(20, -1, 0));
        assertTrue(e.getMessage().contains("shift must be 0 or more pixels"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SemiSupervisedAaeConfig.augmented(20, 3, -5));
        assertTrue(e.getMessage().contains("turn must be between 0 and 180 degrees"), e.getMessage());
    }

    @Test
    void theConsistencyTermMakesTwoMovedCopiesOfADigitAgreeOnItsClass() {
        ImageSet train = digits(1500);
        ImageSet held = testDigits(400);
        int[] all = java.util.stream.IntStream.range(0, held.size()).toArray();
        double[] apart = new double[2]; // mean total-variation distance between the copies' class probabilities
        float[] weights = {0f, 3f};
        for (int k = 0; k < 2; k++) {
            Engine.getInstance().setRandomSeed(5);
            var config = SemiSupervisedAaeConfig.consistent(20, 3, 10, weights[k]).withHidden(64);
            try (SemiSupervisedAae aae = new SemiSupervisedAae(config)) {
                History h = aae.fit(train, train.balanced(5, 2), new TrainingLoop.Options(4, 100, 1, false));
                assertEquals(k == 1, h.termNames().contains("consistency"), h.termNames().toString());
                float[][][] p = new float[2][][];
                for (int c = 0; c < 2; c++) {
                    float[] moved = aelab.data.Shifts.randomlyMoved(held, all, 3, 10, new java.util.Random(c));
                    p[c] = aae.classProbabilities(new ImageSet("moved", moved, held.labels(), 28, 28));
                }
                for (int i = 0; i < all.length; i++) {
                    for (int j = 0; j < p[0][i].length; j++) {
                        apart[k] += Math.abs(p[0][i][j] - p[1][i][j]) / 2 / all.length;
                    }
                }
            }
        }
        // the term is the only difference: without it, two moved copies get further apart class probabilities
        assertTrue(apart[1] < 0.7 * apart[0], "distance between two moved copies' class probabilities: without "
                + apart[0] + ", with " + apart[1]);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SemiSupervisedAaeConfig.consistent(20, 0, 0, 1f));
        assertTrue(e.getMessage().contains("give a shift or a turn"), e.getMessage());
    }

}
