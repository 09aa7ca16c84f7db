package aelab;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * How many OpenMP threads MXNet's matrix products (oneDNN) use on the calling thread while a model
 * trains. Launchers give MXNet one thread per core, which trains wide layers (1,000 units and up)
 * 12-31% faster on 2 cores; the small dense autoencoder and VAE train 2-26% faster on one thread,
 * because waking a sleeping thread for each small product costs more than sharing it saves
 * (bench/threads-amd-epyc.txt). Only MXNet's thread-local setting changes, only on MXNet.
 */
public final class Threads implements AutoCloseable {

    /** Layers at least this wide share their products among every thread. */
    public static final int WIDE = 1000;

    private final int restore;

    private Threads(int restore) {
        this.restore = restore;
    }

    /** One thread for a model whose widest layer is under {@link #WIDE} units; close to restore. */
    public static Threads forWidth(int widestLayer) {
        int all = launcherThreads();
        if (widestLayer >= WIDE || all <= 1 || !Engines.onMxnet() || Boolean.getBoolean("aelab.allThreads")) {
            return new Threads(0);
        }
        set(1);
        return new Threads(all);
    }

    /**
     * The threads as the launcher set them, for headers: {@code ./aelab} and the kernelspec ask for
     * one per core, with threads that sleep while waiting.
     */
    public static String describe() {
        String n = System.getenv("OMP_NUM_THREADS");
        String wait = System.getenv("OMP_WAIT_POLICY");
        return (n == null ? "the engine's default threads" : n + (n.equals("1") ? " thread" : " threads"))
                + (wait == null ? "" : ", " + wait.toLowerCase(java.util.Locale.ROOT) + " waiting");
    }

    /** The thread count the launcher gave MXNet: OMP_NUM_THREADS, else MXNet's own default of half the CPUs. */
    static int launcherThreads() {
        String n = System.getenv("OMP_NUM_THREADS");
        try {
            return n == null ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : Integer.parseInt(n.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * MXSetNumOMPThreads through DJL's own binding (DJL's API does not expose it); false when that
     * binding is missing or refuses, and the model then trains on every thread: slower, still correct.
     */
    static boolean set(int threads) {
        try {
            Field lib = Class.forName("ai.djl.mxnet.jna.JnaUtils").getDeclaredField("LIB");
            lib.setAccessible(true);
            Object mxnet = lib.get(null);
            Method m = Class.forName("ai.djl.mxnet.jna.MxnetLibrary").getMethod("MXSetNumOMPThreads", int.class);
            return (int) m.invoke(mxnet, threads) == 0;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (restore > 0) {
            set(restore);
        }
    }
}
