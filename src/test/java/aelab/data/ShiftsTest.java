package aelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShiftsTest {

    // a 3x3 image with pixel values 1..9, row-major
    private static final float[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static float[] shifted(int dy, int dx) {
        float[] out = new float[9];
        Shifts.shift(IMAGE, 3, 3, dy, dx, out, 0);
        return out;
    }

    @Test
    void aShiftMovesPixelsAndFillsTheVacatedEdgeWithZeros() {
        assertArrayEquals(IMAGE, shifted(0, 0));
        assertArrayEquals(new float[] {0, 1, 2, 0, 4, 5, 0, 7, 8}, shifted(0, 1));
        assertArrayEquals(new float[] {4, 5, 6, 7, 8, 9, 0, 0, 0}, shifted(-1, 0));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 4, 5}, shifted(1, 1));
        assertArrayEquals(new float[9], shifted(3, 0));
    }

    @Test
    void randomShiftsStayWithinTheLimitAndVaryFromImageToImage() {
        float[] pixels = new float[20 * 9];
        for (int i = 0; i < 20; i++) {
            System.arraycopy(IMAGE, 0, pixels, i * 9, 9);
        }
        ImageSet set = new ImageSet("same", pixels, new int[20], 3, 3);
        int[] all = new int[20];
        for (int i = 0; i < 20; i++) {
            all[i] = i;
        }
        float[] out = Shifts.randomlyShifted(set, all, 1, new Random(3));
        Set<Float> centres = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            // with a shift of at most 1 the centre pixel holds one of the image's nine values
            float centre = out[i * 9 + 4];
            assertTrue(centre >= 1 && centre <= 9, "centre " + centre);
            centres.add(centre);
        }
        assertTrue(centres.size() > 1, "every image got the same shift");
        assertArrayEquals(pixels, Shifts.randomlyShifted(set, all, 0, new Random(3)));
        assertEquals("maxShift must be 0 or more pixels, got -1",
                assertThrows(IllegalArgumentException.class, () -> Shifts.randomlyShifted(set, all, -1, new Random()))
                        .getMessage());
    }
}
