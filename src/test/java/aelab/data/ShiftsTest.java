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

    private static float[] turned(double degrees, int dy, int dx) {
        float[] out = new float[9];
        Shifts.turnAndShift(IMAGE, 3, 3, degrees, dy, dx, out, 0);
        return out;
    }

    @Test
    void aTurnOfNoDegreesIsTheShiftAndAQuarterTurnMovesEveryPixel() {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                assertArrayEquals(shifted(dy, dx), turned(0, dy, dx), 1e-6f, "shift " + dy + ", " + dx);
            }
        }
        // counter-clockwise: the right column becomes the top row
        assertArrayEquals(new float[] {3, 6, 9, 2, 5, 8, 1, 4, 7}, turned(90, 0, 0), 1e-5f);
        assertArrayEquals(new float[] {0, 3, 6, 0, 2, 5, 0, 1, 4}, turned(90, 0, 1), 1e-5f);
        // at 45 degrees the corner reads between pixels, partly outside the image: a blend of ink and zero
        float corner = turned(45, 0, 0)[0];
        assertTrue(corner > 0 && corner < 9, "corner " + corner);
    }

    @Test
    void smallRandomTurnsKeepADigitsInkAndNoDegreesKeepsTheShiftsExactly() {
        int side = 28;
        float[] disk = new float[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                double d = Math.hypot(r - 13.5, c - 9.5);
                disk[r * side + c] = d < 5 ? 1f : 0f;
            }
        }
        ImageSet set = new ImageSet("disk", disk, new int[1], side, side);
        int[] one = {0, 0, 0, 0, 0, 0, 0, 0};
        float[] moved = Shifts.randomlyMoved(set, one, 2, 10, new Random(5));
        double ink = sum(disk, 0, disk.length);
        Set<Double> inks = new HashSet<>();
        for (int k = 0; k < one.length; k++) {
            double each = sum(moved, k * disk.length, disk.length);
            assertEquals(ink, each, 0.03 * ink, "image " + k + " keeps its ink");
            inks.add(Math.round(each * 1000) / 1000.0);
        }
        assertTrue(inks.size() > 1, "each image gets its own turn");
        assertArrayEquals(Shifts.randomlyShifted(set, one, 2, new Random(5)), Shifts.randomlyMoved(set, one, 2, 0,
                new Random(5)));
        assertThrows(IllegalArgumentException.class, () -> Shifts.randomlyMoved(set, one, 2, -1, new Random()));
    }

    private static double sum(float[] values, int from, int length) {
        double s = 0;
        for (int i = from; i < from + length; i++) {
            s += values[i];
        }
        return s;
    }
}
