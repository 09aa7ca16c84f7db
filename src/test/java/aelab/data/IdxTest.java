package aelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdxTest {

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"images-idx3-ubyte", "images-idx3-ubyte.gz"})
    void roundTripsRawAndGzipped(String name) throws IOException {
        Path file = dir.resolve(name);
        byte[] data = IdxFixtures.pixels(5);
        Idx.write(file, new int[] {5, 4, 3}, data);
        Idx.Array read = Idx.read(file, 3);
        assertArrayEquals(new int[] {5, 4, 3}, read.dims());
        assertArrayEquals(data, read.data());
        if (name.endsWith(".gz")) {
            byte[] head = Files.readAllBytes(file);
            assertEquals((byte) 0x1f, head[0], "a .gz name writes a gzip stream");
        }
    }

    @Test
    void wrongMagicNumberNamesFileExpectedValueAndFix() throws IOException {
        Path file = IdxFixtures.raw(dir.resolve("labels"), new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 7});
        DataException e = assertThrows(DataException.class, () -> Idx.read(file, 1));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("wrong magic number 0x00000803, expected 0x00000801"), e.getMessage());
        assertTrue(e.getMessage().contains("environment/setup.sh"), e.getMessage());
    }

    @Test
    void notAnIdxFileAtAllIsAWrongMagicNumber() throws IOException {
        Path file = IdxFixtures.raw(dir.resolve("images"), "<html>not found</html>".getBytes());
        DataException e = assertThrows(DataException.class, () -> Idx.read(file, 3));
        assertTrue(e.getMessage().contains("wrong magic number"), e.getMessage());
    }

    @Test
    void truncatedDataSaysHowMuchIsMissing() throws IOException {
        Path good = dir.resolve("full");
        Idx.write(good, new int[] {5, 4, 3}, IdxFixtures.pixels(5));
        byte[] all = Files.readAllBytes(good);
        Path cut = IdxFixtures.raw(dir.resolve("cut"), Arrays.copyOf(all, all.length - 7));
        DataException e = assertThrows(DataException.class, () -> Idx.read(cut, 3));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("promises 60 bytes") && e.getMessage().contains("only 53"), e.getMessage());
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        Path file = IdxFixtures.raw(dir.resolve("stub"), new byte[] {0, 0, 8, 3, 0, 0});
        DataException e = assertThrows(DataException.class, () -> Idx.read(file, 3));
        assertTrue(e.getMessage().contains("ends inside its header"), e.getMessage());
    }

    @Test
    void truncatedGzipIsReported() throws IOException {
        Path good = dir.resolve("full.gz");
        Idx.write(good, new int[] {50, 4, 3}, IdxFixtures.pixels(50));
        byte[] all = Files.readAllBytes(good);
        Path cut = IdxFixtures.raw(dir.resolve("cut.gz"), Arrays.copyOf(all, all.length / 2));
        DataException e = assertThrows(DataException.class, () -> Idx.read(cut, 3));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void missingFileIsReportedWithTheFix() {
        Path file = dir.resolve("nothing-here");
        DataException e = assertThrows(DataException.class, () -> Idx.read(file, 3));
        assertTrue(e.getMessage().contains("file not found") && e.getMessage().contains("setup.sh"), e.getMessage());
    }

    @Test
    void writeRefusesDataThatDoesNotFitTheDimensions() {
        assertThrows(IllegalArgumentException.class, () -> Idx.write(dir.resolve("x"), new int[] {2, 2}, new byte[3]));
    }
}
