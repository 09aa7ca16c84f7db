package aelab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small MNIST-layout files written by the tests themselves. */
final class IdxFixtures {

    private IdxFixtures() {}

    /** {@code n} 4x3 images whose pixel j of image i is (i + j) % 256, labelled i % classes. */
    static void writePair(Path dir, String prefix, int n, int classes, boolean gzip) throws IOException {
        String gz = gzip ? ".gz" : "";
        Idx.write(dir.resolve(prefix + "-images-idx3-ubyte" + gz), new int[] {n, 4, 3}, pixels(n));
        Idx.write(dir.resolve(prefix + "-labels-idx1-ubyte" + gz), new int[] {n}, labels(n, classes));
    }

    static byte[] pixels(int n) {
        byte[] p = new byte[n * 12];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 12; j++) {
                p[i * 12 + j] = (byte) ((i + j) % 256);
            }
        }
        return p;
    }

    static byte[] labels(int n, int classes) {
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) (i % classes);
        }
        return y;
    }

    /** Writes raw bytes, for files that are broken on purpose. */
    static Path raw(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }
}
