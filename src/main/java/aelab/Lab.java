package aelab;

import ai.djl.engine.Engine;
import aelab.data.Mnist;

/** What every notebook and command does first: offline DJL, the chosen engine seeded, the mode printed. */
public final class Lab {

    private Lab() {}

    /** Seeds the engine, prints the mode, engine and data directory, and returns the mode. */
    public static Mode start(long seed) {
        return start(seed, Mode.current());
    }

    /** As {@link #start(long)}, in the mode given rather than the one the environment asks for. */
    public static Mode start(long seed, Mode mode) {
        return start(seed, mode, Mnist.defaultDirectory());
    }

    /** As {@link #start(long, Mode)}, printing {@code data} as the data directory in force. */
    public static Mode start(long seed, Mode mode, java.nio.file.Path data) {
        System.setProperty("java.awt.headless", "true");
        Engine engine = Engines.select();
        engine.setRandomSeed((int) seed);
        System.out.println(mode.describe());
        System.out.println("engine: " + engine.getEngineName() + " " + engine.getVersion()
                + " (" + Threads.describe() + openBlas(engine) + "), seed " + seed
                + ", data: " + shown(data));
        return mode;
    }

    /**
     * A path as a notebook prints it: relative to the project ({@code AELAB_PROJECT}) when inside it, so
     * that a notebook's saved outputs do not name the directory it happened to run in.
     */
    public static java.nio.file.Path shown(java.nio.file.Path path) {
        java.nio.file.Path absolute = path.toAbsolutePath().normalize();
        String project = System.getenv("AELAB_PROJECT");
        if (project != null) {
            java.nio.file.Path root = java.nio.file.Path.of(project).toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                return root.relativize(absolute);
            }
        }
        return absolute;
    }

    /** The OpenBLAS kernel the launcher pinned for MXNet (environment/openblas_core.sh), for the header. */
    private static String openBlas(Engine engine) {
        String core = System.getenv("OPENBLAS_CORETYPE");
        return core == null || !engine.getEngineName().equals("MXNet") ? "" : ", OpenBLAS kernel " + core;
    }
}
