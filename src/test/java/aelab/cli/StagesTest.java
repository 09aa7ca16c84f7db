package aelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.AtomicFile;
import aelab.experiments.Run;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --stages}: two processes training the separable stages of one run directory side by side. */
class StagesTest {

    @TempDir Path dir;

    @Test
    void twoProcessesSplittingTheStagesGiveTheSameRunAsOne() throws Exception {
        Path whole = dir.resolve("whole");
        assertEquals(0, MainTest.run("run", "clustering", "--out", whole.toString(), "--quiet", "--epochs", "2").status());

        Path split = dir.resolve("split");
        String[] common = {"run", "clustering", "--out", split.toString(), "--quiet", "--epochs", "2"};
        // the child trains the pre-training and DEC; this process waits for the pre-training, then trains ADEC
        Process child = MainTest.startJvm("aelab-stages-test.log", MainTest.concat(common, "--stages", "pretrain,dec"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(split.resolve("checkpoints").resolve("pretrain.lock"))) {
            assertTrue(child.isAlive(), "the child ended before it trained anything; see aelab-stages-test.log in "
                    + System.getProperty("java.io.tmpdir"));
            assertTrue(System.nanoTime() < deadline, "the child did not start pre-training within two minutes");
            Thread.sleep(50);
        }
        MainTest.Outcome adec = MainTest.run(MainTest.concat(common, "--stages", "adec"));
        assertEquals(0, adec.status(), adec.err());
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child finished");
        assertEquals(0, child.exitValue());
        assertFalse(Files.exists(split.resolve("metrics.json")), "a process training only some stages does not"
                + " finish the run");

        MainTest.Outcome idec = MainTest.run(MainTest.concat(common, "--stages", "idec"));
        assertEquals(0, idec.status(), idec.err());
        MainTest.Outcome rest = MainTest.run(common);
        assertEquals(0, rest.status(), rest.err());

        Map<String, Object> one = Run.finishedMetrics(whole);
        Map<String, Object> two = Run.finishedMetrics(split);
        for (String key : new String[] {"kmeans_pixels", "ae_kmeans", "code_norm", "dec", "idec", "adec"}) {
            assertEquals(one.get(key), two.get(key), key + ": the same numbers whichever process trained it");
        }
        assertEquals(MainTest.list(whole.resolve("figures")).size(), MainTest.list(split.resolve("figures")).size());
        assertEquals(java.util.List.of(), MainTest.leftovers(split));
    }

    @Test
    void aLeftOutStageThatNoProcessTrainsIsAnErrorThatSaysWhatToDo() {
        Path out = dir.resolve("out");
        MainTest.Outcome o = MainTest.run("run", "clustering", "--out", out.toString(), "--quiet", "--stages", "dec");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("stage 'pretrain' is not finished") && o.err().contains("add it to --stages"),
                o.err());
    }

    @Test
    void stagesAreCheckedAgainstTheExperiment() {
        MainTest.Outcome chained = MainTest.run("run", "vae", "--stages", "vae-2d", "--out", dir.resolve("v").toString());
        assertEquals(2, chained.status());
        assertTrue(chained.err().contains("'vae' trains its stages one after another"), chained.err());
        MainTest.Outcome unknown = MainTest.run("run", "aae-semi", "--stages", "labels-10", "--out",
                dir.resolve("s").toString());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown stage 'labels-10'") && unknown.err().contains("labels-100, labels-1000"),
                unknown.err());
    }

    @Test
    void aStageAnotherProcessIsTrainingIsRefused() throws IOException {
        Path out = dir.resolve("vae");
        String[] args = {"run", "vae", "--out", out.toString(), "--quiet", "--epochs", "1"};
        assertEquals(0, MainTest.run(args).status());
        Path lockFile = out.resolve("checkpoints").resolve("vae-2d.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            // a finished stage is only read: another holder of its lock does not stop a run loading it
            Files.delete(out.resolve("metrics.json"));
            MainTest.Outcome loads = MainTest.run(args);
            assertEquals(0, loads.status(), loads.err());
            // unfinish the run and its first stage, as if the process training it were still at work
            Files.delete(out.resolve("metrics.json"));
            Files.delete(out.resolve("checkpoints").resolve("vae-2d.done"));
            MainTest.Outcome o = MainTest.run(args);
            assertEquals(2, o.status());
            assertTrue(o.err().contains("another process is training stage 'vae-2d'"), o.err());
        }
        assertEquals(0, MainTest.run(args).status(), "once the other holder lets go, the run finishes");
        assertTrue(Files.exists(out.resolve("metrics.json")));
    }

    @Test
    void aTemporaryFileOfAnotherRunningProcessIsNotALeftover() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path writing = Files.writeString(dir.resolve(".measures.json.pid" + other.pid() + "-123.part"), "{");
            Path killed = Files.writeString(dir.resolve(".metrics.json.pid" + Long.MAX_VALUE + "-7.part"), "{");
            assertEquals(java.util.List.of(killed), AtomicFile.removeLeftovers(dir));
            assertTrue(Files.exists(writing), "another process may still rename it into place");
            other.destroyForcibly().waitFor();
            assertEquals(java.util.List.of(writing), AtomicFile.removeLeftovers(dir), "once its writer is gone");
        } finally {
            other.destroyForcibly();
        }
    }
}
