package aelab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KMeansTest {

    @Test
    void findsThreeWellSeparatedBlobs() {
        Random r = new Random(1);
        float[][] points = new float[300][2];
        int[] truth = new int[300];
        float[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        for (int i = 0; i < 300; i++) {
            truth[i] = i % 3;
            points[i][0] = centres[truth[i]][0] + (float) r.nextGaussian();
            points[i][1] = centres[truth[i]][1] + (float) r.nextGaussian();
        }
        KMeans.Result result = KMeans.fit(points, 3, 5, 100, 7);
        assertEquals(1.0, Clustering.accuracy(result.assignments(), truth), 1e-12);
        assertEquals(3, result.centres().length);
        // inertia is about n * 2 unit variances
        assertEquals(600, result.inertia(), 120);
    }
}
