package aelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The benchmark compares frameworks, so both of its sides must train the same thing. */
class ThroughputBenchmarkTest {

    @Test
    void stackedModelUsesThePyTorchReferencesOptimizer() throws IOException {
        String reference = Files.readString(Path.of("bench", "torch_reference.py"));
        int start = reference.indexOf("def stacked_model");
        assertTrue(start >= 0, "bench/torch_reference.py has no stacked_model");
        String body = reference.substring(start, reference.indexOf("\ndef ", start + 1));
        Matcher adam = Pattern.compile("torch\\.optim\\.Adam\\([^,]+,\\s*([0-9.e-]+)\\)").matcher(body);
        assertTrue(adam.find(), "the reference's stacked model no longer uses Adam:\n" + body);
        var ours = ThroughputBenchmark.STACKED_PRETRAINING;
        assertFalse(ours.sgd(), "AE Lab's stacked model must use Adam like the reference, not " + ours.name());
        assertEquals(Float.parseFloat(adam.group(1)), ours.rate(), 0f);
    }
}
