package aelab.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The code statistics the notebooks print, against values worked out by hand. */
class DiagnosticsTest {

    private static final float[][] CODES = {{0f, 2f}, {-1f, 0f}, {3f, 4f}};

    @Test
    void pooledStatistics() {
        // values 0, 2, -1, 0, 3, 4: mean 4/3, squared deviations sum to 19.33..., over 6 values
        assertEquals(4 / 3.0, Diagnostics.mean(CODES), 1e-12);
        assertEquals(Math.sqrt((16 / 9.0 + 4 / 9.0 + 49 / 9.0 + 16 / 9.0 + 25 / 9.0 + 64 / 9.0) / 6),
                Diagnostics.std(CODES), 1e-12);
    }

    @Test
    void sharesAndColumnMeans() {
        assertEquals(1 / 6.0, Diagnostics.negativeShare(CODES), 1e-12);
        assertEquals(2 / 6.0, Diagnostics.zeroShare(CODES), 1e-12);
        assertEquals(2 / 3.0, Diagnostics.rowsWithAZero(CODES), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 2.0}, Diagnostics.columnMean(CODES), 1e-12);
    }

    @Test
    void medianNormIsTheMiddleRowLength() {
        float[][] rows = {{3, 4}, {0, 1}, {6, 8}, {0, 0}};
        assertEquals(3.0, Diagnostics.medianNorm(rows), 1e-12); // lengths 0, 1, 5, 10
        assertEquals(5.0, Diagnostics.medianNorm(java.util.Arrays.copyOf(rows, 3)), 1e-12);
    }
}
