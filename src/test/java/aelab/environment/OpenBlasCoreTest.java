package aelab.environment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environment/openblas_core.sh: which OpenBLAS kernel the launchers pin for MXNet, from the CPU's flags. */
class OpenBlasCoreTest {

    @TempDir
    Path dir;

    @Test
    void anAvx2CpuGetsTheAvx2Kernel() throws Exception {
        // Zen 3's flags, which MXNet's OpenBLAS 0.3.7 does not recognise (it would pick Barcelona)
        assertEquals("Haswell", core("fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2 sha_ni vaes", null));
    }

    @Test
    void anAvx512CpuGetsTheAvx512Kernel() throws Exception {
        assertEquals("SkylakeX", core("sse2 fma avx avx2 avx512f avx512dq avx512cd avx512bw avx512vl", null));
    }

    @Test
    void aCpuWithoutAvx2IsLeftToOpenBlas() throws Exception {
        assertEquals("", core("fpu sse sse2 ssse3 sse4_1 sse4_2 avx", null));
        // a flag must match whole: avx2 is not avx512vl's prefix and fma4 is not fma
        assertEquals("", core("sse2 avx avx2x fma4", null));
    }

    @Test
    void theUsersOwnChoiceWins() throws Exception {
        assertEquals("Sandybridge", core("sse2 fma avx avx2", "Sandybridge"));
    }

    private String core(String flags, String userChoice) throws IOException, InterruptedException {
        Path cpuinfo = dir.resolve("cpuinfo");
        Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: " + flags + "\n\n"
                + "processor\t: 1\nflags\t\t: fpu\n");
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("environment", "openblas_core.sh").toString(),
                cpuinfo.toString());
        pb.environment().remove("OPENBLAS_CORETYPE");
        if (userChoice != null) {
            pb.environment().put("OPENBLAS_CORETYPE", userChoice);
        }
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
