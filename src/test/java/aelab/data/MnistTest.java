package aelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {

    @TempDir Path dir;

    @Test
    void loadsBothPairsAsTrainAndTestWithPixelsScaledToUnitRange() throws IOException {
        IdxFixtures.writePair(dir, "train", 30, 10, true);
        IdxFixtures.writePair(dir, "t10k", 10, 10, false);
        Split split = Mnist.load(dir);
        assertEquals(30, split.train().size());
        assertEquals(10, split.test().size());
        assertEquals(4, split.train().rows());
        assertEquals(3, split.train().cols());
        float[] img = split.train().image(2);
        assertEquals(2 / 255f, img[0], 1e-7);
        assertEquals(13 / 255f, img[11], 1e-7);
        assertEquals(7, split.test().label(7));
        assertEquals(40, split.all().size());
    }

    @Test
    void aDirectoryWithOnlyTheTestPairNamesTheMissingTrainingFiles() throws IOException {
        IdxFixtures.writePair(dir, "t10k", 100, 10, true);
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte") && e.getMessage().contains("file not found"),
                e.getMessage());
    }

    @Test
    void aFileGivenAsTheDataDirectoryIsReportedAsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("mnist.zip"), "not a directory");
        DataException e = assertThrows(DataException.class, () -> Mnist.load(file));
        assertTrue(e.getMessage().contains("is a file, not a directory"), e.getMessage());
    }

    @Test
    void quickModeKeepsTheHeadsOfBothParts() throws IOException {
        IdxFixtures.writePair(dir, "train", 30, 10, false);
        IdxFixtures.writePair(dir, "t10k", 20, 10, false);
        Split small = Mnist.load(dir).head(12, 5);
        assertEquals(12, small.train().size());
        assertEquals(5, small.test().size());
        assertArrayEquals(Mnist.load(dir).test().image(4), small.test().image(4));
    }

    @Test
    void missingDirectoryIsReported() {
        Path none = dir.resolve("absent");
        DataException e = assertThrows(DataException.class, () -> Mnist.load(none));
        assertTrue(e.getMessage().contains("data directory not found") && e.getMessage().contains("AELAB_DATA"),
                e.getMessage());
    }

    @Test
    void emptyDirectoryListsTheExpectedNames() {
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("file not found")
                && e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void imagesWithoutLabelsNameTheMissingFile() throws IOException {
        IdxFixtures.writePair(dir, "train", 10, 10, false);
        IdxFixtures.writePair(dir, "t10k", 10, 10, false);
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte") && e.getMessage().contains("file not found"),
                e.getMessage());
    }

    @Test
    void imageAndLabelCountsThatDifferAreReported() throws IOException {
        Idx.write(dir.resolve("train-images-idx3-ubyte"), new int[] {10, 4, 3}, IdxFixtures.pixels(10));
        Idx.write(dir.resolve("train-labels-idx1-ubyte"), new int[] {9}, IdxFixtures.labels(9, 3));
        IdxFixtures.writePair(dir, "t10k", 10, 10, false);
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("holds 10 images") && e.getMessage().contains("holds 9 labels"),
                e.getMessage());
    }

    @Test
    void aCorruptFileInTheDirectoryIsNamed() throws IOException {
        IdxFixtures.writePair(dir, "train", 10, 10, false);
        IdxFixtures.writePair(dir, "t10k", 10, 10, false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        byte[] all = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(all, all.length - 3));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains(labels.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void theBundledDigitsAreTheOfficialMnistSplit() throws IOException {
        Path bundled = Mnist.bundledDirectory();
        assertTrue(Files.isDirectory(bundled), bundled + " is missing: run `bash environment/setup.sh`");
        Mnist.verifyBundled(bundled);
        Split split = Mnist.load(bundled);
        assertEquals(60_000, split.train().size());
        assertEquals(10_000, split.test().size());
        assertEquals(28, split.train().rows());
        // the training label counts every MNIST description lists
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                split.train().classCounts());
        // real digits: mostly black background, some full-intensity ink, many grey levels between
        ImageSet sample = split.test().head(2000);
        long ink = 0;
        Set<Float> levels = new HashSet<>();
        for (int i = 0; i < sample.size(); i++) {
            for (float p : sample.image(i)) {
                ink += p > 0.5f ? 1 : 0;
                levels.add(p);
            }
        }
        double inkShare = ink / (double) (sample.size() * sample.pixelsPerImage());
        assertTrue(inkShare > 0.08 && inkShare < 0.2, "share of ink pixels " + inkShare);
        assertEquals(256, levels.size(), "all 256 grey levels occur");
    }

    @Test
    void aBundledFileWhoseMd5DiffersIsNamedWithTheFix() throws IOException {
        Path copy = Files.createDirectories(dir.resolve("mnist"));
        IdxFixtures.writePair(copy, "t10k", 10, 10, false);
        DataException e = assertThrows(DataException.class, () -> Mnist.verifyBundled(copy));
        assertTrue(e.getMessage().contains("t10k-") && e.getMessage().contains("MD5")
                && e.getMessage().contains("setup.sh"), e.getMessage());
    }
}
