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
