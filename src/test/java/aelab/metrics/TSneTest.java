package aelab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TSneTest {

    @Test
    void separatedGroupsInTenDimensionsStaySeparatedInTwoAndTheSeedFixesTheResult() {
        Random r = new Random(2);
        float[][] x = new float[150][10];
        int[] group = new int[150];
        for (int i = 0; i < 150; i++) {
            group[i] = i % 3;
            for (int j = 0; j < 10; j++) {
                x[i][j] = (j == group[i] ? 20f : 0f) + (float) r.nextGaussian();
            }
        }
        float[][] y = TSne.embed(x, 20, 1000, 5);
        assertEquals(2, y[0].length);
        float[][] again = TSne.embed(x, 20, 1000, 5);
        assertArrayEquals(y[7], again[7]);
        // neighbours in the embedding are neighbours in the data: each point's nearest neighbour shares its group
        int agree = 0;
        for (int i = 0; i < y.length; i++) {
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < y.length; k++) {
                double d = Math.hypot(y[i][0] - y[k][0], y[i][1] - y[k][1]);
                if (k != i && d < best) {
                    best = d;
                    nearest = k;
                }
            }
            agree += group[nearest] == group[i] ? 1 : 0;
        }
        assertEquals(150, agree, 3, "points whose nearest neighbour is of their group");
        assertThrows(IllegalArgumentException.class, () -> TSne.embed(new float[10][2], 30, 10, 1));
    }
}
