package aelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {

    private static String requestedWith(String value) {
        String before = System.getProperty("aelab.engine");
        try {
            System.setProperty("aelab.engine", value);
            return Engines.requested();
        } finally {
            if (before == null) {
                System.clearProperty("aelab.engine");
            } else {
                System.setProperty("aelab.engine", before);
            }
        }
    }

    @Test
    void namesAreReadWithoutRegardToCase() {
        assertEquals(Engines.PYTORCH, requestedWith("PyTorch"));
        assertEquals(Engines.MXNET, requestedWith(" mxnet "));
        assertEquals(System.getenv("AELAB_ENGINE") == null ? Engines.MXNET : Engines.requested(), requestedWith(""));
    }

    @Test
    void anUnknownEngineIsAClearError() {
        Engines.ChoiceException e = assertThrows(Engines.ChoiceException.class, () -> requestedWith("tensorflow"));
        assertTrue(e.getMessage().contains("'tensorflow'") && e.getMessage().contains("mxnet")
                && e.getMessage().contains("pytorch"), e.getMessage());
    }

    @Test
    void theEngineAskedForIsDjlsDefault() {
        // the test run's own engine (MXNet, or PyTorch in the -Ppytorch pass), set up before the tests
        assertEquals(Engines.requested(), Engine.getDefaultEngineName());
        assertEquals(Engines.requested(), Engines.select().getEngineName());
        assertEquals(Engines.requested().equals(Engines.MXNET), Engines.onMxnet());
    }

    /** Loads the engine {@code aelab.engine} names and prints its name (for a JVM of its own). */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("engine: " + Engines.select().getEngineName());
        }
    }

    @Test
    void pytorchLoadsOnAFreshMachineTwoProcessesAtOnce(@TempDir Path cache) throws Exception {
        // on a fresh DJL cache the first load once failed: DJL re-extracted the natives over the JNI library
        Assumptions.assumeTrue(Engines.requested().equals(Engines.PYTORCH), "the PyTorch pass only");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-DENGINE_CACHE_DIR=" + cache, "-Daelab.engine=pytorch",
                "-cp", System.getProperty("java.class.path"), Probe.class.getName());
        Process[] both = new Process[2];
        File[] logs = new File[2];
        for (int i = 0; i < 2; i++) {
            logs[i] = cache.resolve("probe" + i + ".log").toFile();
            both[i] = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs[i]).start();
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(both[i].waitFor(240, TimeUnit.SECONDS), "process " + i + " finished");
            String out = Files.readString(logs[i].toPath());
            assertEquals(0, both[i].exitValue(), out);
            assertTrue(out.contains("engine: PyTorch"), out);
        }
    }
}
