package aelab.models;

import aelab.data.ImageSet;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/** Runs a function over a set in chunks, in a sub-manager per chunk, and returns plain rows. */
final class Rows {

    private static final int CHUNK = 1000;

    private Rows() {}

    static float[][] map(NDManager manager, ImageSet images, UnaryOperator<NDArray> f) {
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
    static float[][] map(NDManager manager, float[][] input, UnaryOperator<NDArray> f) {
        float[][] rows = new float[input.length][];
        int width = input.length == 0 ? 0 : input[0].length;
        for (int from = 0; from < input.length; from += CHUNK) {
            int to = Math.min(input.length, from + CHUNK);
            float[] flat = new float[(to - from) * width];
            for (int i = from; i < to; i++) {
                System.arraycopy(input[i], 0, flat, (i - from) * width, width);
            }
            try (NDManager sub = manager.newSubManager()) {
                copyRows(f.apply(sub.create(flat, new Shape(to - from, width))), rows, from);
            }
        }
        return rows;
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
