package aelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.train.History;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir Path dir;

    /** Exit status and the error output of one command line. */
    record Outcome(int status, String err) {}

    static Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(err, true), args);
        return new Outcome(status, err.toString());
    }

    /** A data directory of {@code train} and {@code test} random images of {@code side} x {@code side}, labelled i % 10 (or {@code label}). */
    private Path data(String name, int train, int test, int side, int label) throws IOException {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        java.util.Random r = new java.util.Random(1);
        for (String[] part : new String[][] {{"train", String.valueOf(train)}, {"t10k", String.valueOf(test)}}) {
            int n = Integer.parseInt(part[1]);
            byte[] pixels = new byte[n * side * side];
            r.nextBytes(pixels);
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (label >= 0 && i == n - 1 ? label : i % 10);
            }
            aelab.data.Idx.write(d.resolve(part[0] + "-images-idx3-ubyte"), new int[] {n, side, side}, pixels);
            aelab.data.Idx.write(d.resolve(part[0] + "-labels-idx1-ubyte"), new int[] {n}, labels);
        }
        return d;
    }

    @Test
    void validDataThatTheExperimentCannotUseIsAOneLineErrorBeforeAnythingIsWritten() throws IOException {
        Path small = data("small", 300, 40, 28, -1);
        Object[][] cases = {
            {"basics", small, "its test set holds 40 images, and the t-SNE of the test codes needs at least 92"},
            {"aae-semi", small, "after 500 training images are held out for validation, class 0 has"},
            {"vae", data("narrow", 300, 300, 14, -1), "holds 14 x 14 images; AE Lab's experiments take MNIST-layout data"},
            {"vae", data("labels", 300, 300, 28, 12), "is labelled 12; AE Lab's experiments take MNIST-layout data"},
        };
        for (Object[] c : cases) {
            Path out = dir.resolve("out-" + c[0]);
            Outcome o = run("run", (String) c[0], "--data", c[1].toString(), "--out", out.toString(), "--quiet");
            assertEquals(2, o.status(), c[0] + ": " + o.err());
            assertTrue(o.err().contains((String) c[2]), c[0] + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertFalse(Files.exists(out), "nothing written for " + c[0] + " on " + c[1]);
        }
    }

    @Test
    void listShowsEachExperimentOnceWithItsRecipesTheDefaultFirst() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.out;
        System.setOut(new java.io.PrintStream(bytes, true));
        try {
            assertEquals(0, run("list").status());
        } finally {
            System.setOut(saved);
        }
        List<String> lines = bytes.toString().lines().toList();
        List<String> experiments = lines.stream().filter(l -> !l.startsWith(" ")).map(l -> l.split("\\s+")[0]).toList();
        assertEquals(List.of("basics", "sparse", "vae", "conv", "aae", "aae-supervised", "aae-semi", "aegan",
                "clustering"), experiments);
        List<String> recipes = lines.stream().dropWhile(l -> !l.startsWith("clustering")).skip(1)
                .map(l -> l.trim().split("\\s+")[1]).toList();
        assertEquals(List.of("papers", "augmented", "dec-da", "heldout", "layerwise"), recipes);
        assertTrue(lines.stream().anyMatch(l -> l.contains("--recipe papers") && l.contains("(default)")), lines.toString());
    }

    @Test
    void aKilledRunResumesFromItsLastCheckpointWithAContinuousHistory() throws Exception {
        Path out = dir.resolve("vae");
        int epochs = 40;
        String[] args = {"run", "vae", "--out", out.toString(), "--epochs", String.valueOf(epochs), "--quiet"};
        Process child = startJvm("aelab-resume-test.log", args);
        Path history = out.resolve("history").resolve("vae-2d.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (epochsIn(history) < 3) {
            assertTrue(child.isAlive(), "the run ended before it could be killed; see aelab-resume-test.log in "
                    + System.getProperty("java.io.tmpdir"));
            assertTrue(System.nanoTime() < deadline, "no third epoch within two minutes");
            Thread.sleep(50);
        }
        child.destroyForcibly().waitFor();
        History before = History.readCsv(history, "before");
        assertTrue(before.size() < epochs, "killed mid-run");

        Outcome o = run(args);
        assertEquals(0, o.status(), o.err());
        History after = History.readCsv(history, "after");
        assertEquals(epochs, after.size());
        double[] numbers = after.epochs();
        for (int i = 0; i < numbers.length; i++) {
            assertEquals(i + 1, numbers[i], "epochs continue without a gap or a repeat");
        }
        // the epochs the killed run finished and checkpointed are kept as they were
        int kept = before.size() - 1;
        double[] lossBefore = before.values("loss");
        double[] lossAfter = after.values("loss");
        for (int i = 0; i < kept; i++) {
            assertEquals(lossBefore[i], lossAfter[i], 1e-9, "epoch " + (i + 1));
        }
        assertTrue(lossAfter[epochs - 1] < lossAfter[0], "training went on improving after the restart");
        assertTrue(Files.readString(out.resolve("metrics.json")).contains("latent_20"));
        try (Stream<Path> files = Files.list(out.resolve("checkpoints"))) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().matches("vae-2d\\.e\\d{4}\\.ckpt")).count(),
                    "older checkpoints of a stage are deleted");
        }
        // a kill during a write leaves its temporary file; the restart removes it
        assertEquals(List.of(), leftovers(out), "no half-written file survives the restart");

        Outcome again = run(args);
        assertEquals(0, again.status(), "a finished run is reported, not redone");
        assertEquals(epochs, History.readCsv(history, "again").size());
    }

    @Test
    void halfWrittenFilesOfAKilledRunAreRemovedWhenItsDirectoryIsOpenedAgain() throws IOException {
        Path out = dir.resolve("out");
        String[] args = {"run", "basics", "--out", out.toString(), "--quiet", "--epochs", "1"};
        assertEquals(0, run(args).status());
        // what SIGKILL during AtomicFile.write leaves: a temporary file beside its target
        Path checkpointPart = Files.writeString(out.resolve("checkpoints").resolve(".autoencoder.e0002.ckpt.81234.part"), "x");
        Path metricsPart = Files.writeString(out.resolve(".metrics.json.5531.part"), "{");
        Path mine = Files.writeString(out.resolve("figures").resolve("notes.part"), "a user's file, not ours");
        assertEquals(0, run(args).status());
        assertFalse(Files.exists(checkpointPart));
        assertFalse(Files.exists(metricsPart));
        assertTrue(Files.exists(mine), "only our own temporary files are deleted");
    }

    @Test
    void aRunThatFailsBeforeTrainingLeavesNoTraceAndTheCorrectedCommandRuns() throws IOException {
        Path out = dir.resolve("out");
        Path missing = dir.resolve("nonexistent");
        Outcome wrong = run("run", "conv", "--data", missing.toString(), "--out", out.toString(), "--quiet",
                "--epochs", "1");
        assertEquals(2, wrong.status());
        assertTrue(wrong.err().contains(missing.toString()), wrong.err());
        assertFalse(Files.exists(out), "the output directory is claimed only when training starts");
        assertEquals(0, run("run", "conv", "--out", out.toString(), "--quiet", "--epochs", "1").status());
    }

    @Test
    void anUnknownEngineIsNamedWithTheChoices() {
        String before = System.getProperty("aelab.engine");
        System.setProperty("aelab.engine", "tensorflow");
        try {
            Outcome wrong = run("run", "basics", "--out", dir.resolve("e").toString(), "--quiet", "--epochs", "1");
            assertEquals(2, wrong.status());
            assertTrue(wrong.err().startsWith("aelab: AELAB_ENGINE") && wrong.err().contains("'tensorflow'")
                    && wrong.err().contains("pytorch"), wrong.err());
        } finally {
            if (before == null) {
                System.clearProperty("aelab.engine");
            } else {
                System.setProperty("aelab.engine", before);
            }
            aelab.Engines.configure();
        }
    }

    @Test
    void theHeaderNamesTheDataDirectoryInForce() throws IOException {
        Path missing = dir.resolve("elsewhere");
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        System.setOut(new java.io.PrintStream(captured, true));
        try {
            run("run", "conv", "--data", missing.toString(), "--out", dir.resolve("o").toString(), "--quiet");
        } finally {
            System.setOut(old);
        }
        String header = captured.toString();
        assertTrue(header.contains("data: " + missing), header);
        assertFalse(header.contains("environment/data/mnist"), header);
    }

    @Test
    void unknownExperimentOrOptionIsAOneLineUsageError() {
        Outcome unknown = run("run", "no-such-model", "--out", dir.resolve("x").toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown experiment 'no-such-model'") && unknown.err().contains("vae"),
                unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        Outcome option = run("run", "vae", "--learning-rate", "3");
        assertEquals(2, option.status());
        assertTrue(option.err().contains("--learning-rate"), option.err());
        Outcome mode = run("run", "vae", "--mode", "huge");
        assertEquals(2, mode.status());
        assertTrue(mode.err().contains("huge"), mode.err());
        assertFalse(Files.exists(dir.resolve("x")), "nothing is written for a bad command line");
    }

    @Test
    void badNumbersAndDataSetNamesAreOneLineUsageErrors() {
        String out = dir.resolve("x").toString();
        String[][] cases = {
            {"--epochs 0 is refused", "--epochs must be at least 1", "run", "vae", "--epochs", "0", "--out", out},
            {"a seed that is not a number", "--seed", "run", "vae", "--seed", "forty", "--out", out},
            {"epochs that are not a number", "--epochs", "run", "vae", "--epochs", "1.5", "--out", out},
            {"an unknown data set", "unknown --dataset 'cifar'", "run", "vae", "--dataset", "cifar", "--out", out},
            {"MNIST-test outside clustering", "--dataset mnist-test is for the clustering", "run", "vae",
                "--dataset", "mnist-test", "--out", out},
            {"held-out clustering of all 70,000", "use --dataset mnist-test", "run", "clustering", "--recipe",
                "heldout", "--dataset", "mnist", "--out", out},
            {"an unknown recipe", "unknown recipe 'adam' for 'clustering'; its recipes are papers, augmented,",
                "run", "clustering", "--recipe", "adam", "--out", out},
            {"no command", "name a command"},
        };
        for (String[] c : cases) {
            Outcome o = run(java.util.Arrays.copyOfRange(c, 2, c.length));
            assertEquals(2, o.status(), c[0]);
            assertTrue(o.err().contains(c[1]), c[0] + ": " + o.err());
            assertEquals(1, o.err().strip().lines().count(), c[0] + ": " + o.err());
        }
        assertFalse(Files.exists(dir.resolve("x")), "nothing is written for a bad command line");
    }

    @Test
    void aFileGivenAsTheOutputDirectoryIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("results.txt"), "mine");
        Outcome o = run("run", "conv", "--out", file.toString(), "--quiet");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("is a file, not a directory"), o.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aDataDirectoryWithoutTheFilesIsRefusedWithItsName() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        Outcome o = run("run", "conv", "--data", empty.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, o.status());
        assertTrue(o.err().contains(empty.toString()), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void anOutputDirectoryHoldingAnotherRunIsLeftAloneWithoutOverwrite() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(0, run("run", "basics", "--out", out.toString(), "--quiet", "--epochs", "1").status());
        byte[] metrics = Files.readAllBytes(out.resolve("metrics.json"));
        byte[] checkpoint = Files.readAllBytes(list(out.resolve("checkpoints")).get(0));

        Outcome other = run("run", "vae", "--out", out.toString(), "--quiet");
        assertEquals(2, other.status());
        assertTrue(other.err().contains("holds a run of 'basics'") && other.err().contains("--overwrite"), other.err());
        Outcome changed = run("run", "basics", "--out", out.toString(), "--quiet", "--seed", "7");
        assertEquals(2, changed.status());
        assertTrue(changed.err().contains("seed"), changed.err());
        assertArrayEquals(metrics, Files.readAllBytes(out.resolve("metrics.json")), "nothing was overwritten");
        assertArrayEquals(checkpoint, Files.readAllBytes(list(out.resolve("checkpoints")).get(0)));

        Path foreign = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(foreign.resolve("holiday.txt"), "mine");
        Outcome notARun = run("run", "basics", "--out", foreign.toString(), "--quiet");
        assertEquals(2, notARun.status());
        assertTrue(notARun.err().contains("holds no AE Lab run"), notARun.err());
        assertEquals("mine", Files.readString(foreign.resolve("holiday.txt")));

        assertEquals(0, run("run", "vae", "--out", out.toString(), "--quiet", "--epochs", "1", "--overwrite")
                .status());
        assertTrue(Files.readString(out.resolve("metrics.json")).contains("\"experiment\": \"vae\""));
        assertFalse(Files.exists(out.resolve("history").resolve("autoencoder.csv")), "the old run's files are gone");
    }

    @Test
    void aCorruptCheckpointIsReportedWithTheFix() throws IOException {
        Path out = dir.resolve("out");
        String[] args = {"run", "basics", "--out", out.toString(), "--quiet", "--epochs", "2"};
        assertEquals(0, run(args).status());
        Files.delete(out.resolve("metrics.json"));
        Path checkpoint = list(out.resolve("checkpoints")).stream()
                .filter(p -> p.toString().endsWith(".ckpt")).findFirst().orElseThrow();
        byte[] bytes = Files.readAllBytes(checkpoint);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(checkpoint, bytes);
        Outcome o = run(args);
        assertEquals(2, o.status());
        assertTrue(o.err().contains(checkpoint.getFileName().toString()), o.err());
    }

    /** The command line in a JVM of its own, its output in {@code log} under the temporary directory. */
    static Process startJvm(String log, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dai.djl.offline=true",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("java.io.tmpdir"),
                        log)));
        pb.environment().put("MXNET_ENGINE_TYPE", "NaiveEngine");
        return pb.start();
    }

    private static int epochsIn(Path history) {
        try {
            return Files.exists(history) ? (int) Files.lines(history).count() - 1 : 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** Temporary files of interrupted writes anywhere under {@code d}. */
    static List<Path> leftovers(Path d) throws IOException {
        try (Stream<Path> s = Files.walk(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")
                    || p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.sorted().toList();
        }
    }

    /** {@code a} followed by {@code b}: a command line with more arguments. */
    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
