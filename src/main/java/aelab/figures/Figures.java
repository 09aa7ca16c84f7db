package aelab.figures;

import aelab.data.ImageSet;
import aelab.AtomicFile;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Image figures: grids of digits, reconstructions, generated samples, learned weights and latent
 * sweeps, as images a notebook shows with {@code display(...)}. Charts are in {@link Charts}.
 */
public final class Figures {

    /** Ten class colours, distinct for colour-blind readers as far as ten colours can be (Tableau 10). */
    public static final Color[] CLASS_COLORS = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0x7F7F7F)
    };

    private Figures() {}

    /** The first {@code rows * columns} images of a set, each with its label in a corner. */
    public static BufferedImage digits(ImageSet set, int rows, int columns) {
        int n = Math.min(rows * columns, set.size());
        List<float[]> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(set.image(i));
            labels.add(String.valueOf(set.label(i)));
        }
        return ImageGrid.render(images, labels, set.rows(), set.cols(), columns, 2,
                set.name() + ": the first " + n + " images, label in the corner", null);
    }

    /** 28x28 images (generated samples, decoded codes) in a grid; one or two drawn larger, to be seen. */
    public static BufferedImage images(float[][] images, int columns, String title) {
        return ImageGrid.render(Arrays.asList(images), 28, 28, columns, images.length <= 2 ? 5 : 2, title, null);
    }

    /**
     * One row per style code, drawn as each of {@code classes} classes by {@code draw} (styles, class) to
     * images: whether the class code or the style decides what is drawn.
     */
    public static BufferedImage drawnAsEachClass(java.util.function.BiFunction<float[][], Integer, float[][]> draw,
            float[][] styles, int classes, String title) {
        float[][] grid = new float[styles.length * classes][];
        for (int c = 0; c < classes; c++) {
            float[][] asClass = draw.apply(styles, c);
            for (int s = 0; s < styles.length; s++) {
                grid[s * classes + c] = asClass[s];
            }
        }
        return images(grid, classes, title);
    }

    /** The first {@code n} images of {@code originals} above their reconstructions. */
    public static BufferedImage reconstructions(ImageSet originals, float[][] reconstructed, int n, String title) {
        int count = Math.min(n, Math.min(originals.size(), reconstructed.length));
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(originals.image(i));
        }
        for (int i = 0; i < count; i++) {
            images.add(reconstructed[i]);
        }
        return ImageGrid.render(images, originals.rows(), originals.cols(), count, 2, title,
                List.of("original", "reconstructed"));
    }

    /**
     * Learned weights (one row per unit or filter, {@code side x side} values) as small images,
     * each stretched from its own minimum (black) to maximum (white).
     */
    public static BufferedImage weights(float[][] rows, int side, int count, int columns, String title) {
        List<float[]> images = new ArrayList<>();
        for (int u = 0; u < Math.min(count, rows.length); u++) {
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : rows[u]) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            float[] img = new float[rows[u].length];
            for (int j = 0; j < img.length; j++) {
                img[j] = max > min ? (rows[u][j] - min) / (max - min) : 0f;
            }
            images.add(img);
        }
        return ImageGrid.render(images, side, side, columns, 28 / side >= 2 ? 28 / side : 2, title, null);
    }

    /**
     * A matrix as an image, one row of cells per row (an input) and one column per column (a code
     * unit), black at the matrix's minimum and white at its maximum: a picture of activations.
     */
    public static BufferedImage matrix(float[][] rows, int cell, String title) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] r : rows) {
            for (float v : r) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                flat[i * rows[0].length + j] = max > min ? (rows[i][j] - min) / (max - min) : 0f;
            }
        }
        return ImageGrid.render(List.of(flat), rows.length, rows[0].length, 1, cell,
                title + String.format("\n(black %.3g, white %.3g)", min, max), null);
    }

    /**
     * The decoder's output over an {@code n x n} grid of 2-D codes. With {@code priorStd > 0} the
     * grid is spaced by the quantiles 0.05 ... 0.95 of N(0, priorStd^2) (so each cell covers the same
     * prior mass); otherwise it runs evenly over [-range, range].
     */
    public static BufferedImage latentSweep(UnaryOperator<float[][]> decode, int n, double priorStd, double range,
            String title) {
        float[] axis = sweepAxis(n, priorStd, range);
        float[][] codes = new float[n * n][];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                // rows run from high z2 at the top to low z2 at the bottom, as on a plot
                codes[r * n + c] = new float[] {axis[c], axis[n - 1 - r]};
            }
        }
        float[][] images = decode.apply(codes);
        String spacing = priorStd > 0 ? String.format("at quantiles 5%%-95%% of N(0, %.3g^2)", priorStd)
                : String.format("over [-%.3g, %.3g]", range, range);
        return ImageGrid.render(Arrays.asList(images), 28, 28, n, 1,
                title + "\nz1 left to right, z2 bottom to top,\n" + spacing, null);
    }

    /** The code values of a sweep's axis (see {@link #latentSweep}). */
    public static float[] sweepAxis(int n, double priorStd, double range) {
        float[] axis = new float[n];
        NormalDistribution normal = priorStd > 0 ? new NormalDistribution(null, 0, priorStd) : null;
        for (int i = 0; i < n; i++) {
            double t = n == 1 ? 0.5 : i / (double) (n - 1);
            axis[i] = (float) (normal != null ? normal.inverseCumulativeProbability(0.05 + 0.9 * t)
                    : -range + 2 * range * t);
        }
        return axis;
    }

    /** A figure as base64 PNG, as a notebook's image/png output holds it. */
    public static String pngBase64(BufferedImage image) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** Saves a figure as PNG; the directory is created, and the file appears whole or not at all. */
    public static Path savePng(BufferedImage image, Path file) throws IOException {
        return AtomicFile.write(file, tmp -> {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
