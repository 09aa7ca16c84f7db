package aelab.models.conv;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.train.History;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class AskersLoopTest {

    @Test
    void theLoaderOrderIsTrainingThenTestEachSortedByLabel() {
        ImageSet all = digits(600);
        Split split = new Split(all.head(400), all.drop(400), "test digits");
        ImageSet ordered = AskersLoop.mldataOrder(split);
        assertEquals(600, ordered.size());
        for (int i = 1; i < ordered.size(); i++) {
            if (i != 400) {
                assertTrue(ordered.label(i - 1) <= ordered.label(i), "out of order at " + i);
            }
        }
        assertEquals(all.head(400).classCounts()[3], ordered.head(400).classCounts()[3]);
    }

    /** As written, j steps by the batch size and is multiplied by it again: one batch of digits per epoch. */
    @Test
    void asWrittenEachEpochTakesOneBatchOfDigitsAndTheRestEmpty() {
        ImageSet data = digits(500);
        Engine.getInstance().setRandomSeed(3);
        try (ConvAutoencoder model = new ConvAutoencoder(ConvAutoencoder.Config.failing())) {
            History h = AskersLoop.run(model, data, data.head(50), new AskersLoop.Options(3, 100, true, true, 1, 1));
            assertEquals(3, h.last("steps_on_digits"));
            assertEquals(3 * 4, h.last("empty_steps"));
            assertEquals(15, model.network().steps());
        }
        try (ConvAutoencoder model = new ConvAutoencoder(ConvAutoencoder.Config.failing())) {
            History h = AskersLoop.run(model, data, data.head(50),
                    new AskersLoop.Options(3, 100, true, true, 1, 1).cutCorrectly());
            assertEquals(15, h.last("steps_on_digits"));
            assertEquals(0, h.last("empty_steps"));
        }
    }

    /** Unshuffled on label-sorted digits, the loop as written sees only the first batch: zeros, never a one. */
    @Test
    void unshuffledAsWrittenLearnsOnlyTheFirstBatch() {
        ImageSet sorted = digits(1000).sortedByLabel();
        ImageSet zeros = sorted.select(java.util.stream.IntStream.range(0, sorted.size()).filter(i -> sorted.label(i) == 0).toArray());
        ImageSet ones = sorted.select(java.util.stream.IntStream.range(0, sorted.size()).filter(i -> sorted.label(i) == 1).toArray());
        assertTrue(zeros.size() >= 50, zeros.size() + " zeros");
        Engine.getInstance().setRandomSeed(5);
        try (ConvAutoencoder model = new ConvAutoencoder(ConvAutoencoder.Config.working())) {
            AskersLoop.run(model, sorted, zeros.head(10), new AskersLoop.Options(40, 50, false, true, 40, 1));
            double zeroError = model.reconstructionError(zeros);
            double oneError = model.reconstructionError(ones);
            assertTrue(zeroError < 0.7 * oneError, "zeros " + zeroError + ", ones (never seen) " + oneError);
        }
    }

    @Test
    void badOptionsSayWhatWasWrong() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new AskersLoop.Options(0, 1000, true, true, 100, 1));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }
}
