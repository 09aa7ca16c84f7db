package aelab.data;

import java.util.Random;

/**
 * Random translations (and rotations) of images, the augmentation deep-clustering code uses: a
 * digit moved by a few pixels or turned by a few degrees is still the same digit, so the
 * autoencoder learns codes that do not hinge on exact pixel positions.
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

    /**
     * As {@link #randomlyShifted}, each image also turned about its centre by its own random angle of
     * at most {@code maxDegrees} either way (bilinear interpolation, zeros outside), as DEC-DA's Keras
     * generator does with {@code rotation_range}. With {@code maxDegrees} 0, exactly {@link #randomlyShifted}.
     */
    public static float[] randomlyMoved(ImageSet images, int[] indices, int maxShift, double maxDegrees, Random random) {
        if (maxDegrees == 0) {
            return randomlyShifted(images, indices, maxShift, random);
        }
        if (maxShift < 0 || maxDegrees < 0) {
            throw new IllegalArgumentException("maxShift and maxDegrees must be 0 or more, got " + maxShift + " and "
                    + maxDegrees);
        }
        int n = images.pixelsPerImage();
        float[] out = new float[indices.length * n];
        for (int k = 0; k < indices.length; k++) {
            int dy = random.nextInt(2 * maxShift + 1) - maxShift;
            int dx = random.nextInt(2 * maxShift + 1) - maxShift;
            double degrees = (2 * random.nextDouble() - 1) * maxDegrees;
            turnAndShift(images.image(indices[k]), images.rows(), images.cols(), degrees, dy, dx, out, k * n);
        }
        return out;
    }

    /**
     * Writes {@code image} turned counter-clockwise by {@code degrees} about its centre, then moved down
     * by {@code dy} and right by {@code dx}, into {@code out} at {@code offset}: each output pixel reads
     * the input bilinearly at the point that lands on it.
     */
    static void turnAndShift(float[] image, int rows, int cols, double degrees, int dy, int dx, float[] out,
            int offset) {
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double cy = (rows - 1) / 2.0;
        double cx = (cols - 1) / 2.0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double y = r - dy - cy;
                double x = c - dx - cx;
                out[offset + r * cols + c] = bilinear(image, rows, cols, cos * y + sin * x + cy, -sin * y + cos * x + cx);
            }
        }
    }

    /** The image's value at a point between pixels; zero outside the image. */
    private static float bilinear(float[] image, int rows, int cols, double y, double x) {
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        double fy = y - y0;
        double fx = x - x0;
        return (float) ((1 - fy) * ((1 - fx) * at(image, rows, cols, y0, x0) + fx * at(image, rows, cols, y0, x0 + 1))
                + fy * ((1 - fx) * at(image, rows, cols, y0 + 1, x0) + fx * at(image, rows, cols, y0 + 1, x0 + 1)));
    }

    private static float at(float[] image, int rows, int cols, int r, int c) {
        return r < 0 || r >= rows || c < 0 || c >= cols ? 0 : image[r * cols + c];
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
