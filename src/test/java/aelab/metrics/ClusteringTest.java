package aelab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import aelab.metrics.Clustering.Normalization;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Scores against cases worked out by hand (and checked with scikit-learn's formulas). */
class ClusteringTest {

    @Test
    void permutedLabelsScorePerfectly() {
        int[] labels = {0, 0, 1, 1, 2, 2};
        int[] clusters = {2, 2, 0, 0, 1, 1};
        assertEquals(1.0, Clustering.accuracy(clusters, labels), 1e-12);
        assertEquals(1.0, Clustering.nmi(clusters, labels, Normalization.GEOMETRIC), 1e-12);
        assertEquals(1.0, Clustering.nmi(clusters, labels, Normalization.ARITHMETIC), 1e-12);
        assertEquals(1.0, Clustering.ari(clusters, labels), 1e-12);
    }

    @Test
    void aHandWorkedCase() {
        // clusters {0,0,0,1,1,1} vs labels {0,0,1,1,2,2}
        int[] clusters = {0, 0, 0, 1, 1, 1};
        int[] labels = {0, 0, 1, 1, 2, 2};
        // best matching: cluster 0 -> label 0 (2), cluster 1 -> label 2 (2): 4 of 6
        assertEquals(4 / 6.0, Clustering.accuracy(clusters, labels), 1e-12);
        // H(C) = ln 2; H(L) = ln 3; I = ln 2 (each label lies within one cluster except label 1)
        double hc = Math.log(2);
        double hl = Math.log(3);
        double mi = 2 * (2 / 6.0 * Math.log(6 * 2 / (3.0 * 2))) + 2 * (1 / 6.0 * Math.log(6 * 1 / (3.0 * 2)));
        assertEquals(mi / Math.sqrt(hc * hl), Clustering.nmi(clusters, labels, Normalization.GEOMETRIC), 1e-12);
        assertEquals(mi / ((hc + hl) / 2), Clustering.nmi(clusters, labels, Normalization.ARITHMETIC), 1e-12);
        // pairs: sum C(n_ij,2) = 1 + 1 = 2; a: 3 + 3 = 6; b: 1+1+1 = 3; total C(6,2) = 15
        double expected = 6 * 3 / 15.0;
        assertEquals((2 - expected) / ((6 + 3) / 2.0 - expected), Clustering.ari(clusters, labels), 1e-12);
    }

    @Test
    void oneClusterForEverythingScoresNothing() {
        int[] labels = {0, 1, 2, 3, 0, 1, 2, 3};
        int[] collapsed = new int[8];
        assertEquals(0.25, Clustering.accuracy(collapsed, labels), 1e-12);
        assertEquals(0.0, Clustering.nmi(collapsed, labels, Normalization.ARITHMETIC), 1e-12);
        assertEquals(0.0, Clustering.ari(collapsed, labels), 1e-12);
    }

    @Test
    void matchedLabelsNameEachClustersLabelUnderTheBestMatching() {
        // cluster 0 holds most 1s but cluster 1 holds only 1s: the matching gives 1 to cluster 1, 0 to cluster 0
        int[] clusters = {0, 0, 0, 0, 1, 1, 1, 2, 2};
        int[] labels = {1, 1, 0, 0, 1, 1, 1, 2, 2};
        assertArrayEquals(new int[] {0, 1, 2}, Clustering.matchedLabels(clusters, labels));
        assertEquals(7 / 9.0, Clustering.accuracy(clusters, labels), 1e-12);
        // a third cluster with no label left over gets -1
        assertArrayEquals(new int[] {0, 1, -1}, Clustering.matchedLabels(new int[] {0, 1, 1, 2}, new int[] {0, 1, 1, 1}));
    }

    @Test
    void moreClustersThanLabelsMatchEachLabelOnce() {
        int[] clusters = {0, 1, 2, 3};
        int[] labels = {0, 0, 1, 1};
        assertEquals(0.5, Clustering.accuracy(clusters, labels), 1e-12);
    }

    @Test
    void hungarianFindsTheBestOfAllPermutations() {
        Random r = new Random(4);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5;
            double[][] c = new double[n][n];
            for (double[] row : c) {
                for (int j = 0; j < n; j++) {
                    row[j] = r.nextInt(20);
                }
            }
            int[] m = Hungarian.solve(c);
            double got = 0;
            for (int i = 0; i < n; i++) {
                got += c[i][m[i]];
            }
            assertEquals(bruteForce(c, 0, new boolean[n]), got, 1e-9);
        }
    }

    private static double bruteForce(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + bruteForce(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    @Test
    void mismatchedLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Clustering.accuracy(new int[2], new int[3]));
    }
}
