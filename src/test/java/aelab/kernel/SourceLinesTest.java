package aelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.models.clustering.DeepClusteringConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SourceLinesTest {

    @BeforeAll
    static void sources() {
        System.setProperty("aelab.sources", "src/main/java");
    }

    @Test
    void aMethodIsShownWholeWithItsFileAndLineNumbers() throws Exception {
        SourceLines s = SourceLines.method(DeepClusteringConfig.class, "updateIntervalFor");
        List<String> file = Files.readAllLines(Path.of("src/main/java/aelab/models/clustering/DeepClusteringConfig.java"));
        assertEquals(file.get(s.first() - 1), s.lines().get(0));
        assertTrue(s.lines().get(0).contains("public static int updateIntervalFor(int images) {"), s.lines().get(0));
        assertEquals("}", s.lines().get(s.lines().size() - 1).strip());
        assertTrue(s.text().startsWith("public static int updateIntervalFor"), "common indentation removed");
        assertTrue(s.caption().startsWith("aelab/models/clustering/DeepClusteringConfig.java, lines " + s.first() + "-"));
    }

    @Test
    void linesBetweenTwoTextsAndClearErrorsWhenTheCodeHasMoved() {
        SourceLines s = SourceLines.between(DeepClusteringConfig.class, "public static DeepClusteringConfig adec()", "}");
        assertTrue(s.text().contains("adversarialWeight(0.01f)"), s.text());
        var e = assertThrows(IllegalArgumentException.class,
                () -> SourceLines.between(DeepClusteringConfig.class, "no such text", "}"));
        assertTrue(e.getMessage().contains("has no line containing \"no such text\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SourceLines.method(DeepClusteringConfig.class, "nope"));
        assertTrue(e.getMessage().contains("no method nope in aelab/models/clustering/DeepClusteringConfig.java"));
    }
}
