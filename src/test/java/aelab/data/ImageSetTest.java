package aelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ImageSetTest {

    private static ImageSet sample(int n) {
        float[] p = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(p, i * 4, i * 4 + 4, i);
            y[i] = i % 3;
        }
        return new ImageSet("sample", p, y, 2, 2);
    }

    @Test
    void shuffleIsFixedBySeedAndKeepsImagesWithTheirLabels() {
        ImageSet s = sample(50);
        ImageSet a = s.shuffled(7);
        ImageSet b = s.shuffled(7);
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.equals(a.labels(), s.shuffled(8).labels()));
        for (int i = 0; i < a.size(); i++) {
            assertEquals((int) a.image(i)[0] % 3, a.label(i));
        }
    }

    @Test
    void headAndDropSplitTheSetWithoutOverlap() {
        ImageSet s = sample(10);
        assertEquals(3, s.head(3).size());
        assertEquals(7, s.drop(3).size());
        assertEquals(3f, s.drop(3).image(0)[0]);
        assertEquals(0, s.drop(12).size());
    }

    @Test
    void sortedByLabelGroupsTheClassesAndKeepsEachClassInOrder() {
        ImageSet sorted = sample(9).sortedByLabel();
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, sorted.labels());
        assertEquals(0f, sorted.image(0)[0]);
        assertEquals(3f, sorted.image(1)[0]);
        assertEquals(6f, sorted.image(2)[0]);
    }

    @Test
    void balancedSubsetHasTheSameNumberOfEachClassAndFailsWhenAClassIsShort() {
        ImageSet few = sample(30).balanced(4, 3);
        assertArrayEquals(new int[] {4, 4, 4}, few.classCounts());
        assertArrayEquals(few.labels(), sample(30).balanced(4, 3).labels());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sample(30).balanced(11, 3));
        assertTrue(e.getMessage().contains("fewer than 11"), e.getMessage());
    }

    @Test
    void batchesCoverEveryImageOnceAndCloseTheirArrays() {
        ImageSet s = sample(10);
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] seen = new int[10];
            int batches = 0;
            for (Batch b : s.batches(manager, 4, new Random(1))) {
                try (b) {
                    assertEquals(2, b.x().getShape().dimension());
                    assertEquals(4, b.x().getShape().get(1));
                    float[] x = b.x().toFloatArray();
                    int[] y = b.y().toIntArray();
                    for (int k = 0; k < b.size(); k++) {
                        seen[(int) x[k * 4]]++;
                        assertEquals((int) x[k * 4] % 3, y[k]);
                    }
                    batches++;
                }
                assertTrue(b.x().isReleased(), "the batch's arrays are freed with it");
            }
            assertEquals(3, batches, "4 + 4 + 2");
            assertArrayEquals(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, seen);
        }
    }

    @Test
    void classCountTableCountsEveryLabel() {
        ImageSet s = sample(10);
        assertArrayEquals(new int[] {4, 3, 3}, s.classCounts());
        var t = s.classCountTable();
        assertEquals(3, t.rowCount());
        assertEquals(40.0, t.doubleColumn("percent").get(0), 1e-9);
    }

    @Test
    void theAverageImageAndItsErrorAreThePixelMeansAndVariances() {
        ImageSet two = new ImageSet("two", new float[] {0, 1, 1, 1}, new int[] {0, 1}, 1, 2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {0.5f, 1f}, two.meanImage(), 1e-7f);
        // pixel 0 varies by 0.25 around its mean, pixel 1 not at all: 0.125 per pixel
        assertEquals(0.125, two.averageImageError(), 1e-12);
    }
}
