package aelab.models;

import static aelab.TestData.digits;
import static aelab.TestData.testDigits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class SemiSupervisedAaeTest {

    @Test
    void labelledSubsetHasTheSameNumberOfEachClass() {
        ImageSet few = SemiSupervisedAae.labelledSubset(digits(2000), 10, 3);
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, few.classCounts());
    }

    @Test
    void aHundredLabelsTeachTheCategoricalCodeToClassify() {
        ImageSet train = digits(2000);
        ImageSet test = testDigits(500);
        ImageSet labelled = SemiSupervisedAae.labelledSubset(train, 10, 3);
        Engine.getInstance().setRandomSeed(16);
        try (SemiSupervisedAae aae = new SemiSupervisedAae(SemiSupervisedAae.Config.tutorial().withHidden(256))) {
            double before = aae.errorRate(test);
            History h = aae.fit(train, labelled, new TrainingLoop.Options(4, 100, 1, false));
            double after = aae.errorRate(test);
            assertTrue(before > 0.7 && after < 0.5, "test error " + before + " -> " + after);
            assertTrue(h.last("classification") < h.values("classification")[0], h.toString());
            assertTrue(h.last("reconstruction") < h.values("reconstruction")[0], h.toString());
            assertEquals(2, aae.styles(test.head(3))[0].length);
            assertEquals(784, aae.generate(new float[][] {{0, 0}}, 4)[0].length);
        }
    }
}
