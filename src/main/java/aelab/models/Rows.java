package aelab.models;

import aelab.data.ImageSet;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** Runs a function over a set in chunks, in a sub-manager per chunk, and returns plain rows. */
public final class Rows {

    private static final int CHUNK = 1000;

    private Rows() {}

    public static float[][] map(NDManager manager, ImageSet images, UnaryOperator<NDArray> f) {
        float[][] rows = new float[images.size()][];
        for (int from = 0; from < images.size(); from += CHUNK) {
            int to = Math.min(images.size(), from + CHUNK);
            try (NDManager sub = manager.newSubManager()) {
                copyRows(f.apply(images.toNDArray(sub, from, to)), rows, from);
            }
        }
        return rows;
    }

    /** Applies f to the given rows (codes, say) in chunks. */
    public static float[][] map(NDManager manager, float[][] input, UnaryOperator<NDArray> f) {
        float[][] rows = new float[input.length][];
        for (int from = 0; from < input.length; from += CHUNK) {
            int to = Math.min(input.length, from + CHUNK);
            try (NDManager sub = manager.newSubManager()) {
                copyRows(f.apply(create(sub, input, from, to)), rows, from);
            }
        }
        return rows;
    }

    /** Rows {@code from} to {@code to} (exclusive) as one array of shape (to - from, width). */
    public static NDArray create(NDManager manager, float[][] input, int from, int to) {
        int width = input.length == 0 ? 0 : input[0].length;
        float[] flat = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(input[i], 0, flat, (i - from) * width, width);
        }
        return manager.create(flat, new Shape(to - from, width));
    }

    /** All rows as one array. */
    public static NDArray create(NDManager manager, float[][] input) {
        return create(manager, input, 0, input.length);
    }

    /** A 2-D array as plain rows. */
    public static float[][] of(NDArray array) {
        float[][] rows = new float[(int) array.getShape().get(0)][];
        copyRows(array, rows, 0);
        return rows;
    }

    /** The index of each row's largest entry (the first, on ties). */
    public static int[] argmax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 1; j < rows[i].length; j++) {
                if (rows[i][j] > rows[i][out[i]]) {
                    out[i] = j;
                }
            }
        }
        return out;
    }

    private static void copyRows(NDArray out, float[][] rows, int from) {
        int n = (int) out.getShape().get(0);
        int width = (int) (out.size() / n);
        float[] flat = out.toFloatArray();
        for (int i = 0; i < n; i++) {
            rows[from + i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
    }
}
