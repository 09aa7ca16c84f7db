package aelab.models;

import aelab.data.ImageSet;

/** Plain-array measurements of what a model produced: errors, and how much codes vary. */
public final class Diagnostics {

    private Diagnostics() {}

    /** Mean over images and pixels of (x - x')^2. */
    public static double meanSquaredError(ImageSet images, float[][] reconstructed) {
        double sum = 0;
        for (int i = 0; i < reconstructed.length; i++) {
            float[] x = images.image(i);
            for (int j = 0; j < x.length; j++) {
                double d = reconstructed[i][j] - x[j];
                sum += d * d;
            }
        }
        return sum / ((double) reconstructed.length * images.pixelsPerImage());
    }

    /** The variance of each column (code unit) across rows (inputs): all near 0 means every input gets the same code. */
    public static double[] columnVariance(float[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] var = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                var[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.length;
            }
        }
        return var;
    }

    /** The mean of all values. */
    public static double mean(float[][] rows) {
        double s = 0;
        long n = 0;
        for (float[] r : rows) {
            for (float v : r) {
                s += v;
                n++;
            }
        }
        return s / n;
    }

    /** The standard deviation of all values pooled together (a 2-D code's spread against its prior's). */
    public static double std(float[][] rows) {
        double mean = mean(rows);
        double s = 0;
        long n = 0;
        for (float[] r : rows) {
            for (float v : r) {
                s += (v - mean) * (v - mean);
                n++;
            }
        }
        return Math.sqrt(s / n);
    }

    /** The median length (L2 norm) of the rows: how far from the origin a typical code lies. */
    public static double medianNorm(float[][] rows) {
        double[] norms = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (float v : rows[i]) {
                s += v * v;
            }
            norms[i] = Math.sqrt(s);
        }
        java.util.Arrays.sort(norms);
        int n = norms.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? norms[n / 2] : (norms[n / 2 - 1] + norms[n / 2]) / 2;
    }

    /** The share of values below zero (0.0 to 1.0). */
    public static double negativeShare(float[][] rows) {
        return share(rows, v -> v < 0);
    }

    /** The share of values exactly zero, as a ReLU code's switched-off units give. */
    public static double zeroShare(float[][] rows) {
        return share(rows, v -> v == 0f);
    }

    /** The share of rows with at least one value exactly zero. */
    public static double rowsWithAZero(float[][] rows) {
        long n = java.util.Arrays.stream(rows).filter(r -> zeroShare(new float[][] {r}) > 0).count();
        return n / (double) rows.length;
    }

    /** The mean of each column over the rows. */
    public static double[] columnMean(float[][] rows) {
        double[] m = new double[rows[0].length];
        for (float[] r : rows) {
            for (int j = 0; j < m.length; j++) {
                m[j] += r[j] / (double) rows.length;
            }
        }
        return m;
    }

    private static double share(float[][] rows, java.util.function.DoublePredicate test) {
        long hits = 0;
        long n = 0;
        for (float[] r : rows) {
            for (float v : r) {
                hits += test.test(v) ? 1 : 0;
                n++;
            }
        }
        return hits / (double) n;
    }

    /** The indices of the {@code k} columns that vary most across rows, most varied first. */
    public static int[] mostVaried(float[][] rows, int k) {
        double[] var = columnVariance(rows);
        return java.util.stream.IntStream.range(0, var.length).boxed()
                .sorted((a, b) -> Double.compare(var[b], var[a])).limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** The given columns of every row, in that order. */
    public static float[][] columns(float[][] rows, int... cols) {
        float[][] out = new float[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                out[i][j] = rows[i][cols[j]];
            }
        }
        return out;
    }
}
