package aelab.metrics;

import java.util.Arrays;

/** The Hungarian (Kuhn-Munkres) algorithm: a minimum-cost perfect matching of a square cost matrix, O(n^3). */
final class Hungarian {

    private Hungarian() {}

    /** match[row] = the column assigned to that row. */
    static int[] solve(double[][] cost) {
        int n = cost.length;
        // potentials u (rows) and v (columns), 1-based with a sentinel column 0 (e-maxx formulation)
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] colToRow = new int[n + 1];
        int[] way = new int[n + 1];
        for (int row = 1; row <= n; row++) {
            colToRow[0] = row;
            int col0 = 0;
            double[] minv = new double[n + 1];
            boolean[] used = new boolean[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            do {
                used[col0] = true;
                int r = colToRow[col0];
                double delta = Double.POSITIVE_INFINITY;
                int col1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost[r - 1][j - 1] - u[r] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = col0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            col1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[colToRow[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                col0 = col1;
            } while (colToRow[col0] != 0);
            do {
                int col1 = way[col0];
                colToRow[col0] = colToRow[col1];
                col0 = col1;
            } while (col0 != 0);
        }
        int[] match = new int[n];
        for (int j = 1; j <= n; j++) {
            match[colToRow[j] - 1] = j - 1;
        }
        return match;
    }
}
