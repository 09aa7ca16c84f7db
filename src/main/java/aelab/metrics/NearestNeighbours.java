package aelab.metrics;

/**
 * How much of the label a code carries: a leave-one-out k-nearest-neighbour vote (Euclidean) scored
 * against the labels. A code whose neighbours share a class carries the class.
 */
public final class NearestNeighbours {

    private NearestNeighbours() {}

    /**
     * Share of rows whose label differs from the majority label of their {@code k} nearest other rows;
     * a tie goes to the tied label with the nearest member. Quadratic in the rows: for a few thousand.
     */
    public static double leaveOneOutError(float[][] x, int[] labels, int k) {
        int[] vote = leaveOneOutVotes(x, labels, k);
        int wrong = 0;
        for (int i = 0; i < x.length; i++) {
            wrong += vote[i] != labels[i] ? 1 : 0;
        }
        return wrong / (double) x.length;
    }

    /** Each row's majority label among its {@code k} nearest other rows (ties as in {@link #leaveOneOutError}). */
    public static int[] leaveOneOutVotes(float[][] x, int[] labels, int k) {
        if (x.length != labels.length || k < 1 || k >= x.length) {
            throw new IllegalArgumentException("need one label per row and 1 <= k < rows: " + x.length + " rows, "
                    + labels.length + " labels, k " + k);
        }
        int classes = java.util.Arrays.stream(labels).max().orElse(0) + 1;
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int[] nearest = nearest(x, i, k);
            int[] votes = new int[classes];
            int most = 0;
            for (int j : nearest) {
                most = Math.max(most, ++votes[labels[j]]);
            }
            for (int j : nearest) { // nearest first, so the first label with the most votes wins a tie
                if (votes[labels[j]] == most) {
                    out[i] = labels[j];
                    break;
                }
            }
        }
        return out;
    }

    /** Indices of the {@code k} rows nearest row {@code i} (itself left out), nearest first. */
    private static int[] nearest(float[][] x, int i, int k) {
        int[] best = new int[k];
        double[] dist = new double[k];
        java.util.Arrays.fill(dist, Double.MAX_VALUE);
        for (int j = 0; j < x.length; j++) {
            if (j == i) {
                continue;
            }
            double d = 0;
            for (int c = 0; c < x[i].length; c++) {
                double t = x[i][c] - x[j][c];
                d += t * t;
            }
            if (d < dist[k - 1]) { // insertion into the sorted list of the k best so far
                int p = k - 1;
                while (p > 0 && dist[p - 1] > d) {
                    dist[p] = dist[p - 1];
                    best[p] = best[p - 1];
                    p--;
                }
                dist[p] = d;
                best[p] = j;
            }
        }
        return best;
    }
}
