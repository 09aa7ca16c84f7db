package aelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import aelab.experiments.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clustering --recipe heldout}: pre-trained on the training digits, scored on the test digits. */
class HeldOutClusteringTest {

    @TempDir Path dir;

    @Test
    void clustersTheTestDigitsWithAnAutoencoderThatLearntFromTheTrainingDigits() throws Exception {
        Path plain = dir.resolve("plain");
        Path heldOut = dir.resolve("held-out");
        String[] common = {"--dataset", "mnist-test", "--seed", "5", "--epochs", "2", "--quiet"};
        MainTest.Outcome o = MainTest.run(MainTest.concat(new String[] {"run", "clustering", "--out", plain.toString(),
                "--stages", "pretrain"}, common));
        assertEquals(0, o.status(), o.err());
        o = MainTest.run(MainTest.concat(new String[] {"run", "clustering", "--recipe", "heldout", "--out", heldOut.toString()}, common));
        assertEquals(0, o.status(), o.err());
        Map<String, Object> two = Run.finishedMetrics(heldOut);
        assertEquals(2000, ((Number) two.get("images")).intValue());
        assertEquals(2000, ((Number) two.get("pretraining_images")).intValue());
        // the same test digits are clustered: k-means on their pixels scores the same
        assertEquals(measured(plain, "kmeans_pixels"), measured(heldOut, "kmeans_pixels"));
        // the same seed and recipe on other digits: pre-training's first loss differs
        assertNotEquals(firstLoss(plain), firstLoss(heldOut), "held-out pre-training saw the clustered digits");
    }

    private static Object measured(Path run, String name) throws Exception {
        return com.google.gson.JsonParser.parseString(Files.readString(run.resolve("measures.json")))
                .getAsJsonObject().get(name);
    }

    private static String firstLoss(Path run) throws Exception {
        return Files.readAllLines(run.resolve("history").resolve("pretrain.csv")).get(1).split(",")[1];
    }
}
