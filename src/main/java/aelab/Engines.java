package aelab;

import ai.djl.engine.Engine;
import ai.djl.util.ClassLoaderUtils;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Which DJL engine AE Lab trains on: MXNet (the default) or PyTorch, chosen by the environment
 * variable {@code AELAB_ENGINE} or the system property {@code aelab.engine} ({@code mxnet} or
 * {@code pytorch}; the property wins). PyTorch needs its natives, installed by
 * {@code bash environment/setup.sh --pytorch}.
 */
public final class Engines {

    public static final String MXNET = "MXNet";
    public static final String PYTORCH = "PyTorch";

    private Engines() {}

    /** The engine asked for is unknown or not installed; the message says how to fix it. */
    public static final class ChoiceException extends RuntimeException {
        ChoiceException(String message) {
            super(message);
        }
    }

    /** The DJL name of the engine asked for; a clear error for any other value. */
    public static String requested() {
        String asked = System.getProperty("aelab.engine");
        if (asked == null || asked.isBlank()) {
            asked = System.getenv("AELAB_ENGINE");
        }
        if (asked == null || asked.isBlank()) {
            return MXNET;
        }
        return switch (asked.trim().toLowerCase(Locale.ROOT)) {
            case "mxnet" -> MXNET;
            case "pytorch" -> PYTORCH;
            default -> throw new ChoiceException("AELAB_ENGINE / -Daelab.engine is '" + asked
                    + "'; choose mxnet (the default) or pytorch");
        };
    }

    /** True when the current default engine is MXNet (for the few MXNet-only fast paths). */
    public static boolean onMxnet() {
        return MXNET.equals(Engine.getDefaultEngineName());
    }

    /**
     * Makes the requested engine DJL's default, offline, without loading it. With both engines'
     * jars present DJL would otherwise default to PyTorch (its rank is higher).
     */
    public static String configure() {
        // the natives come from Maven jars: never let DJL look for them online
        System.setProperty("ai.djl.offline", "true");
        String name = requested();
        System.setProperty("ai.djl.default_engine", name);
        if (name.equals(PYTORCH)) {
            installPytorchJni();
        }
        return name;
    }

    /** {@link #configure()}, then the engine itself, loaded. */
    public static Engine select() {
        String name = configure();
        if (!Engine.hasEngine(name)) {
            throw new ChoiceException("the " + name + " engine is not on the classpath; build with"
                    + " 'bash environment/setup.sh --pytorch' (or mvn -Ppytorch package)");
        }
        return Engine.getEngine(name);
    }

    /**
     * DJL 0.36's PyTorch engine looks for a JNI library built for 0.36, which Maven Central lacks
     * (pytorch-jni stops at 2.7.1-0.35.1). Every native method 0.36 declares is in the 0.35.1
     * library, so it is put where DJL looks for 0.36's, from the jar on the classpath (no download).
     */
    static void installPytorchJni() {
        Properties natives = properties("native/lib/pytorch.properties");
        Properties jni = properties("jnilib/pytorch.properties");
        if (natives == null || jni == null) {
            throw new ChoiceException("the PyTorch engine's natives are not installed (no "
                    + (natives == null ? "pytorch-native-cpu" : "pytorch-jni") + " jar on the classpath); run"
                    + " 'bash environment/setup.sh --pytorch', or use AELAB_ENGINE=mxnet");
        }
        String flavor = natives.getProperty("flavor");
        String classifier = natives.getProperty("classifier");
        Path dir = Utils.getEngineCacheDir("pytorch")
                .resolve(natives.getProperty("version") + "-" + flavor + "-" + classifier);
        Path target = dir.resolve(Engine.getDjlVersion() + "-" + System.mapLibraryName("djl_torch"));
        if (Files.exists(target) && Files.exists(dir.resolve(System.mapLibraryName("torch")))) {
            return;
        }
        // DJL deletes and re-extracts a cache directory that lacks libtorch, and with it a JNI library put
        // there first (the first load on a fresh machine then failed): so the natives go in before it
        extractNatives(natives, dir);
        String resource = "jnilib/" + classifier + "/" + flavor + "/" + System.mapLibraryName("djl_torch");
        try (InputStream in = ClassLoaderUtils.getResourceAsStream(resource)) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "jni", ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not install " + resource + " into " + dir, e);
        }
    }

    /**
     * Copies the PyTorch libraries from the natives jar into {@code dir}, where DJL would extract them,
     * unless libtorch is there. Each file goes through a temporary file and a rename, libtorch last,
     * so a process that sees libtorch finds the whole set, whatever another process is doing.
     */
    private static void extractNatives(Properties natives, Path dir) {
        String torch = System.mapLibraryName("torch");
        if (Files.exists(dir.resolve(torch))) {
            return;
        }
        String from = "pytorch/" + natives.getProperty("flavor") + "/" + natives.getProperty("classifier") + "/";
        List<String> libs = new ArrayList<>(List.of(natives.getProperty("libraries").split(",")));
        libs.sort(Comparator.comparing(torch::equals));
        try {
            Files.createDirectories(dir);
            for (String lib : libs) {
                Path tmp = Files.createTempFile(dir, lib, ".tmp");
                try (InputStream in = ClassLoaderUtils.getResourceAsStream(from + lib)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, dir.resolve(lib), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the PyTorch natives into " + dir, e);
        }
    }

    private static Properties properties(String resource) {
        URL url;
        try {
            url = ClassLoaderUtils.getResource(resource);
        } catch (IOException e) {
            throw new UncheckedIOException("could not look for " + resource, e);
        }
        if (url == null) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + url, e);
        }
        return p;
    }
}
