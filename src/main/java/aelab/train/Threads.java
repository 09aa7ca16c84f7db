package aelab.train;

import ai.djl.mxnet.jna.LibUtils;
import ai.djl.mxnet.jna.MxnetLibrary;

/**
 * How many cores MXNet's operators use while a model trains. MXNet's default is half the logical
 * CPUs, as if every core had two hyper-threads: on a 2-core machine without them, one core. Wide
 * models train 25-40% faster on every core (measured: the 784-500-500-2000-10 stacked autoencoder
 * and the AAE's 1000-unit layers); small ones train 15-30% slower, as spreading their many small
 * operators over the cores costs more than it saves. So a model asks for every core when it has
 * at least {@link #WIDE} trainable values, and MXNet's default otherwise. An {@code OMP_NUM_THREADS}
 * set by the user wins over both.
 */
public final class Threads {

    /** Trainable values from which a model trains on every core (the models here: 0.8M-1.1M or 3.3M and up). */
    public static final long WIDE = 1_500_000;

    private static MxnetLibrary library;

    private Threads() {}

    /** Sets the thread count for training these networks together, on the calling thread. */
    public static int suit(Network... networks) {
        long values = 0;
        for (Network n : networks) {
            values += n.parameterCount();
        }
        int threads = forValues(values, Runtime.getRuntime().availableProcessors());
        if (System.getenv("OMP_NUM_THREADS") == null) {
            set(threads);
        }
        return threads;
    }

    /** Every logical CPU for a wide model; otherwise MXNet's own default of half of them. */
    static int forValues(long trainableValues, int cpus) {
        return trainableValues >= WIDE ? cpus : Math.max(1, cpus / 2);
    }

    // OpenMP's setting belongs to the calling thread, which with MXNet's NaiveEngine runs the operators
    private static synchronized void set(int threads) {
        if (library == null) {
            library = LibUtils.loadLibrary();
        }
        library.MXSetNumOMPThreads(threads);
    }
}
