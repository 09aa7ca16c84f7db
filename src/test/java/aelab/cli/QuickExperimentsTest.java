package aelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.experiments.Experiments;
import aelab.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every experiment of the command line, in quick mode (a class of its own so the test JVMs share the work). */
class QuickExperimentsTest {

    @TempDir Path dir;

    static List<String> experiments() {
        return Experiments.names();
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void everyExperimentRunsInQuickModeAndWritesItsResults(String name) throws IOException {
        Path out = dir.resolve(name);
        // an experiment that cannot use the default MNIST runs on MNIST-test
        String dataset = Experiments.find(name).orElseThrow().datasetProblem("mnist") == null ? "mnist" : "mnist-test";
        MainTest.Outcome o = MainTest.run("run", name, "--dataset", dataset, "--out", out.toString(), "--quiet");
        assertEquals(0, o.status(), o.err());
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertTrue(metrics.contains("\"experiment\": \"" + name + "\""), metrics);
        assertTrue(metrics.contains("\"mode\": \"quick\""), metrics);
        assertTrue(Files.exists(out.resolve("config.json")));
        if (name.equals("conv")) {
            // the question's loop is not an epoch loop: each of its runs is measured once and kept, resumed at the next
            String measures = Files.readString(out.resolve("measures.json"));
            assertTrue(measures.contains("\"as written, unshuffled\"") && measures.contains("\"steps_on_digits\""), measures);
            assertFalse(metrics.contains("training_seconds"), "no epochs to sum: " + metrics);
        } else {
            List<Path> histories = MainTest.list(out.resolve("history"));
            assertFalse(histories.isEmpty(), "a history CSV per training stage");
            for (Path h : histories) {
                History history = History.readCsv(h, "h");
                assertTrue(history.size() > 0, h + " has no epochs");
                assertTrue(MainTest.list(out.resolve("checkpoints")).stream().anyMatch(c -> c.getFileName().toString()
                        .startsWith(h.getFileName().toString().replace(".csv", ".e"))), "a checkpoint for " + h);
            }
        }
        List<Path> figures = MainTest.list(out.resolve("figures"));
        assertFalse(figures.isEmpty());
        for (Path f : figures) {
            BufferedImage image = ImageIO.read(f.toFile());
            assertTrue(image.getWidth() > 100 && image.getHeight() > 50, f + " is too small");
            int first = image.getRGB(0, 0);
            boolean varied = false;
            for (int y = 0; y < image.getHeight() && !varied; y += 3) {
                for (int x = 0; x < image.getWidth() && !varied; x += 3) {
                    varied = image.getRGB(x, y) != first;
                }
            }
            assertTrue(varied, f + " is blank");
        }
        assertEquals(List.of(), MainTest.leftovers(out), "no temporary file is left");
    }

}
