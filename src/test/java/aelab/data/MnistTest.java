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
    void aSinglePairIsSplitByClassTheSameWayEveryTime() throws IOException {
        IdxFixtures.writePair(dir, "t10k", 100, 10, true);
        Split a = Mnist.load(dir);
        Split b = Mnist.load(dir);
        assertEquals(80, a.train().size());
        assertEquals(20, a.test().size());
        for (int count : a.test().classCounts()) {
            assertEquals(2, count, "every class loses the same share to the test set");
        }
        assertArrayEquals(a.test().labels(), b.test().labels());
        assertArrayEquals(a.test().image(5), b.test().image(5));
        // no image is in both parts: pixel 0 of image i is i % 256, unique here
        Set<Float> train = new HashSet<>();
        for (int i = 0; i < a.train().size(); i++) {
            train.add(a.train().image(i)[0]);
        }
        for (int i = 0; i < a.test().size(); i++) {
            assertTrue(!train.contains(a.test().image(i)[0]), "test image " + i + " is also in train");
        }
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
        assertTrue(e.getMessage().contains("no MNIST files found")
                && e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
    }

    @Test
    void imagesWithoutLabelsNameTheMissingFile() throws IOException {
        IdxFixtures.writePair(dir, "train", 10, 10, false);
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte") && e.getMessage().contains("file not found"),
                e.getMessage());
    }

    @Test
    void imageAndLabelCountsThatDifferAreReported() throws IOException {
        Idx.write(dir.resolve("train-images-idx3-ubyte"), new int[] {10, 4, 3}, IdxFixtures.pixels(10));
        Idx.write(dir.resolve("train-labels-idx1-ubyte"), new int[] {9}, IdxFixtures.labels(9, 3));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("holds 10 images") && e.getMessage().contains("holds 9 labels"),
                e.getMessage());
    }

    @Test
    void aCorruptFileInTheDirectoryIsNamed() throws IOException {
        IdxFixtures.writePair(dir, "train", 10, 10, false);
        Path labels = dir.resolve("train-labels-idx1-ubyte");
        byte[] all = Files.readAllBytes(labels);
        Files.write(labels, Arrays.copyOf(all, all.length - 3));
        DataException e = assertThrows(DataException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains(labels.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void theBundledDigitsAreRealMnist() {
        Path bundled = Mnist.dataRoot().resolve("mnist");
        assertTrue(Files.isDirectory(bundled), bundled + " is missing: run `bash environment/setup.sh`");
        Split split = Mnist.load(bundled);
        assertEquals(10_000, split.all().size());
        assertEquals(28, split.train().rows());
        int[] counts = split.all().classCounts();
        assertEquals(10, counts.length);
        for (int c : counts) {
            assertTrue(c > 800 && c < 1200, "about a thousand of each digit, got " + Arrays.toString(counts));
        }
        // real digits: mostly black background, some full-intensity ink, many grey levels between
        float[] pixels = split.train().image(0);
        long ink = 0;
        Set<Float> levels = new HashSet<>();
        for (int i = 0; i < split.train().size(); i++) {
            for (float p : split.train().image(i)) {
                ink += p > 0.5f ? 1 : 0;
                levels.add(p);
            }
        }
        double inkShare = ink / (double) (split.train().size() * pixels.length);
        assertTrue(inkShare > 0.08 && inkShare < 0.2, "share of ink pixels " + inkShare);
        assertEquals(256, levels.size(), "all 256 grey levels occur");
    }
}
