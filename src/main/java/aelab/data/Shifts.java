package aelab.data;

import java.util.Random;

/**
 * Random translations of images, the augmentation deep-clustering code uses during pre-training:
 * a digit moved by a few pixels is still the same digit, so the autoencoder learns codes that
 * do not hinge on exact pixel positions.
 */
public final class Shifts {

    private Shifts() {}

    /**
     * The images at {@code indices}, each moved by its own random offset of at most
     * {@code maxShift} pixels in each direction; pixels moved in from outside are zero.
     *
     * @return (indices.length x pixels) values, row-major
     */
    public static float[] randomlyShifted(ImageSet images, int[] indices, int maxShift, Random random) {
        if (maxShift < 0) {
            throw new IllegalArgumentException("maxShift must be 0 or more pixels, got " + maxShift);
        }
        int n = images.pixelsPerImage();
        float[] out = new float[indices.length * n];
        for (int k = 0; k < indices.length; k++) {
            int dy = random.nextInt(2 * maxShift + 1) - maxShift;
            int dx = random.nextInt(2 * maxShift + 1) - maxShift;
            shift(images.image(indices[k]), images.rows(), images.cols(), dy, dx, out, k * n);
        }
        return out;
    }

    /** Writes {@code image} moved down by {@code dy} and right by {@code dx} into {@code out} at {@code offset}. */
    static void shift(float[] image, int rows, int cols, int dy, int dx, float[] out, int offset) {
        for (int r = Math.max(0, dy); r < Math.min(rows, rows + dy); r++) {
            int from = (r - dy) * cols;
            int to = offset + r * cols;
            for (int c = Math.max(0, dx); c < Math.min(cols, cols + dx); c++) {
                out[to + c] = image[from + c - dx];
            }
        }
    }
}
