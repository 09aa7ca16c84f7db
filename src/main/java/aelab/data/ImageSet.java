package aelab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Greyscale images with pixels in [0, 1] (row-major) and one integer label each. Immutable. */
public final class ImageSet {

    private final String name;
    private final float[] pixels;
    private final int[] labels;
    private final int rows;
    private final int cols;

    public ImageSet(String name, float[] pixels, int[] labels, int rows, int cols) {
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels of " + rows + "x" + cols
                    + " images need " + (long) labels.length * rows * cols + " pixels, got " + pixels.length);
        }
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.rows = rows;
        this.cols = cols;
    }

    /** Builds a set from IDX image and label arrays, checking that they agree. */
    public static ImageSet fromIdx(String name, Idx.Array images, Idx.Array labels) {
        if (images.count() != labels.count()) {
            throw new DataException(String.format(
                    "%s holds %d images but %s holds %d labels; the two files must come from the same"
                            + " set; %s",
                    images.file(), images.count(), labels.file(), labels.count(), DataException.FIX));
        }
        byte[] raw = images.data();
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        int[] y = new int[labels.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xff;
        }
        return new ImageSet(name, pixels, y, images.dims()[1], images.dims()[2]);
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int pixelsPerImage() {
        return rows * cols;
    }

    public int label(int i) {
        return labels[i];
    }

    public int[] labels() {
        return labels.clone();
    }

    /** One image's pixels, row-major. */
    public float[] image(int i) {
        int n = pixelsPerImage();
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /** The number of classes: one more than the largest label. */
    public int classCount() {
        return Arrays.stream(labels).max().orElse(-1) + 1;
    }

    /** The images at the given positions, in that order. */
    public ImageSet select(int[] indices) {
        int n = pixelsPerImage();
        float[] p = new float[indices.length * n];
        int[] y = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * n, p, k * n, n);
            y[k] = labels[indices[k]];
        }
        return new ImageSet(name, p, y, rows, cols);
    }

    /** The first {@code n} images (all of them when there are fewer). */
    public ImageSet head(int n) {
        int[] idx = new int[Math.min(n, size())];
        Arrays.setAll(idx, i -> i);
        return select(idx);
    }

    /** All but the first {@code n} images. */
    public ImageSet drop(int n) {
        int[] idx = new int[Math.max(size() - n, 0)];
        Arrays.setAll(idx, i -> n + i);
        return select(idx);
    }

    /**
     * {@code perClass} images of each class, drawn in an order fixed by {@code seed}: the few
     * labelled images of a semi-supervised run.
     */
    public ImageSet balanced(int perClass, long seed) {
        ImageSet shuffled = shuffled(seed);
        int[] taken = new int[shuffled.classCount()];
        int[] idx = new int[perClass * taken.length];
        int k = 0;
        for (int i = 0; i < shuffled.size() && k < idx.length; i++) {
            int c = shuffled.label(i);
            if (taken[c] < perClass) {
                taken[c]++;
                idx[k++] = i;
            }
        }
        if (k < idx.length) {
            throw new IllegalArgumentException("the set has fewer than " + perClass + " images of some class");
        }
        return shuffled.select(idx);
    }

    /** The same images sorted by label (stable: each class keeps its own order), as a badly fed data set comes. */
    public ImageSet sortedByLabel() {
        return select(java.util.stream.IntStream.range(0, size()).boxed()
                .sorted(java.util.Comparator.comparingInt(this::label)).mapToInt(Integer::intValue).toArray());
    }

    /** The same images in an order fixed by the seed. */
    public ImageSet shuffled(long seed) {
        return select(permutation(size(), new Random(seed)));
    }

    /** This set followed by another of the same image size. */
    public ImageSet concat(ImageSet other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("cannot join " + rows + "x" + cols + " and "
                    + other.rows + "x" + other.cols + " images");
        }
        float[] p = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, p, pixels.length, other.pixels.length);
        int[] y = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, y, labels.length, other.labels.length);
        return new ImageSet(name, p, y, rows, cols);
    }

    /** The pixel-wise average of the images. */
    public float[] meanImage() {
        int d = pixelsPerImage();
        double[] sum = new double[d];
        for (int i = 0; i < size(); i++) {
            for (int k = 0; k < d; k++) {
                sum[k] += pixels[i * d + k];
            }
        }
        float[] mean = new float[d];
        for (int k = 0; k < d; k++) {
            mean[k] = (float) (sum[k] / Math.max(1, size()));
        }
        return mean;
    }

    /** The mean squared error per pixel of drawing every image as the average one: the error any autoencoder must beat. */
    public double averageImageError() {
        float[] mean = meanImage();
        int d = pixelsPerImage();
        double s = 0;
        for (int i = 0; i < size(); i++) {
            for (int k = 0; k < d; k++) {
                double e = pixels[i * d + k] - mean[k];
                s += e * e;
            }
        }
        return s / ((double) Math.max(1, size()) * d);
    }

    /** How many images each class has. */
    public int[] classCounts() {
        int[] counts = new int[Math.max(classCount(), 0)];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    /** The class counts as a table: label, count, share in percent. */
    public Table classCountTable() {
        int[] counts = classCounts();
        int[] classes = new int[counts.length];
        Arrays.setAll(classes, i -> i);
        Table t = Table.create(name + " class counts")
                .addColumns(IntColumn.create("label", classes), IntColumn.create("count", counts));
        double[] percent = Arrays.stream(counts).mapToDouble(c -> Math.round(1000.0 * c / size()) / 10.0).toArray();
        t.addColumns(DoubleColumn.create("percent", percent));
        return t;
    }

    /** All images as one (n, rows*cols) array. */
    public NDArray toNDArray(NDManager manager) {
        return toNDArray(manager, 0, size());
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive) as one (to-from, rows*cols) array. */
    public NDArray toNDArray(NDManager manager, int from, int to) {
        int n = pixelsPerImage();
        // a buffer view: the pixels are copied once, straight into native memory
        return manager.create(FloatBuffer.wrap(pixels, from * n, (to - from) * n), new Shape(to - from, n));
    }

    /**
     * Mini-batches in an order drawn from {@code random}; each batch owns a sub-manager of
     * {@code manager} that is closed with it, so everything computed from it is freed per batch.
     * The last, smaller batch is kept.
     */
    public Iterable<Batch> batches(NDManager manager, int batchSize, Random random) {
        return batches(manager, null, batchSize, random);
    }

    /**
     * As {@link #batches(NDManager, int, Random)}, gathering the batches from {@code images}, this
     * set already in native memory (from {@link #toNDArray(NDManager)}); a loop over many epochs
     * makes it once, so no pass copies the set again.
     */
    public Iterable<Batch> batches(NDManager manager, NDArray images, int batchSize, Random random) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int[] order = random == null ? identity(size()) : permutation(size(), random);
        return () -> new Iterator<>() {
            private int next;
            // the whole set in native memory for this pass; batches gather their rows from it, so a
            // pass makes no per-batch garbage on the Java heap
            private NDManager passManager;
            private NDArray all = images;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                // every training loop passes here between batches: the notebook's Stop button ends it
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("training stopped between batches: the cell was interrupted");
                }
                if (all == null) {
                    passManager = manager.newSubManager();
                    all = toNDArray(passManager);
                }
                int count = Math.min(batchSize, order.length - next);
                int[] idx = Arrays.copyOfRange(order, next, next + count);
                next += count;
                int[] y = new int[count];
                for (int k = 0; k < count; k++) {
                    y[k] = labels[idx[k]];
                }
                NDManager sub = manager.newSubManager();
                NDArray x = all.get(sub.create(idx));
                x.attach(sub);
                Batch batch = new Batch(sub, x, sub.create(y), idx);
                if (!hasNext() && passManager != null) {
                    passManager.close();
                }
                return batch;
            }
        };
    }

    static int[] identity(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return idx;
    }

    /** A uniformly random order of 0..n-1 (Fisher-Yates). */
    public static int[] permutation(int n, Random random) {
        int[] idx = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }

    @Override
    public String toString() {
        return String.format("%s: %d images of %dx%d, %d classes", name, size(), rows, cols, classCount());
    }
}
