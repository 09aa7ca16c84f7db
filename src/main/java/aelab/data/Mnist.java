package aelab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Loads a directory of MNIST-layout IDX files: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each raw or with {@code .gz}. A directory with only one of the two pairs (the 10,000 bundled
 * digits have only {@code t10k-*}) is split into train and test by a fixed, stratified draw.
 *
 * <p>Which directory: the system property {@code aelab.data}, else the environment variable
 * {@code AELAB_DATA}, else {@code environment/data/mnist} of the project (found by walking up from
 * the working directory).
 */
public final class Mnist {

    public static final String PROPERTY = "aelab.data";
    public static final String ENV = "AELAB_DATA";
    /** Share of each class held out when a directory has no separate test files. */
    public static final double TEST_FRACTION = 0.2;
    /** Fixes the stratified split, so every run and every notebook sees the same test digits. */
    public static final long SPLIT_SEED = 20_180_712L;

    private static final String[] PREFIXES = {"train", "t10k"};

    private Mnist() {}

    /** The configured MNIST directory (see the class comment). */
    public static Split load() {
        return load(defaultDirectory());
    }

    /** The bundled Fashion-MNIST (60,000 + 10,000), linked into the data directory by the setup. */
    public static Split loadFashion() {
        return load(dataRoot().resolve("fashion-mnist"));
    }

    /** Loads the IDX files of {@code dir}; see the class comment for the names it looks for. */
    public static Split load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir.toAbsolutePath() + ": data directory not found; " + DataException.FIX);
        }
        List<ImageSet> parts = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String prefix : PREFIXES) {
            Path images = find(dir, prefix + "-images-idx3-ubyte");
            Path labels = find(dir, prefix + "-labels-idx1-ubyte");
            if (images == null && labels == null) {
                continue;
            }
            if (images == null || labels == null) {
                String missing = images == null ? prefix + "-images-idx3-ubyte[.gz]" : prefix + "-labels-idx1-ubyte[.gz]";
                throw new DataException(dir.toAbsolutePath().resolve(missing) + ": file not found, though its"
                        + " partner is there; images and labels come in pairs; " + DataException.FIX);
            }
            parts.add(ImageSet.fromIdx(dir.getFileName() + "/" + prefix, Idx.read(images, 3), Idx.read(labels, 1)));
            found.add(prefix);
        }
        String source = dir.toAbsolutePath().normalize().toString();
        if (parts.size() == 2) {
            return new Split(parts.get(0), parts.get(1), source);
        }
        if (parts.size() == 1) {
            return stratifiedSplit(parts.get(0), TEST_FRACTION, SPLIT_SEED,
                    source + " (" + found.get(0) + "-* only, split " + Math.round(100 * (1 - TEST_FRACTION)) + "/"
                            + Math.round(100 * TEST_FRACTION) + " by class)");
        }
        throw new DataException(dir.toAbsolutePath() + ": no MNIST files found; expected"
                + " train-images-idx3-ubyte[.gz] with train-labels-idx1-ubyte[.gz] and/or"
                + " t10k-images-idx3-ubyte[.gz] with t10k-labels-idx1-ubyte[.gz]; " + DataException.FIX);
    }

    /** Holds out {@code testFraction} of every class, drawn with {@code seed}. */
    public static Split stratifiedSplit(ImageSet all, double testFraction, long seed, String source) {
        Random random = new Random(seed);
        int[] counts = all.classCounts();
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            int[] members = new int[counts[c]];
            int k = 0;
            for (int i = 0; i < all.size(); i++) {
                if (all.label(i) == c) {
                    members[k++] = i;
                }
            }
            int[] order = ImageSet.permutation(members.length, random);
            int held = (int) Math.round(members.length * testFraction);
            for (int j = 0; j < members.length; j++) {
                (j < held ? test : train).add(members[order[j]]);
            }
        }
        // keep the file's order within each part so a split reads like the original set
        int[] tr = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] te = test.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new Split(all.select(tr), all.select(te), source);
    }

    /** The directory named by {@code aelab.data} / {@code AELAB_DATA}, else the bundled digits. */
    public static Path defaultDirectory() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        return dataRoot().resolve("mnist");
    }

    /**
     * {@code environment/data} of the project: the one named by {@code AELAB_PROJECT} (the kernel
     * sets it), else the one that holds the working directory.
     */
    public static Path dataRoot() {
        String project = System.getenv("AELAB_PROJECT");
        if (project != null && !project.isBlank()) {
            return Paths.get(project, "environment", "data");
        }
        Path here = Paths.get("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("environment"))) {
                return p.resolve("environment").resolve("data");
            }
        }
        return here.resolve("environment").resolve("data");
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base, base + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
