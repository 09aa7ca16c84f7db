package aelab;

import ai.djl.engine.Engine;
import ai.djl.util.ClassLoaderUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
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
            checkPytorchInstalled();
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
     * Checks that the PyTorch engine's natives and JNI glue are on the classpath (DJL extracts both from
     * their jars, offline), so that a missing install is one clear message rather than DJL's download attempt.
     */
    static void checkPytorchInstalled() {
        Properties natives = properties("native/lib/pytorch.properties");
        Properties jni = properties("jnilib/pytorch.properties");
        if (natives == null || jni == null) {
            throw new ChoiceException("the PyTorch engine's natives are not installed (no "
                    + (natives == null ? "pytorch-native-cpu" : "pytorch-jni") + " jar on the classpath); run"
                    + " 'bash environment/setup.sh --pytorch', or use AELAB_ENGINE=mxnet");
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
