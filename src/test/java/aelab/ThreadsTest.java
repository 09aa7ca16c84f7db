package aelab;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class ThreadsTest {

    @Test
    void mxnetsThreadCountCanBeSetThroughDjlsBinding() {
        assumeTrue(Engines.select() != null && Engines.onMxnet(), "MXNet-only setting");
        // a DJL release that renames its binding would silently leave small models on every thread
        assertTrue(Threads.set(1), "MXSetNumOMPThreads not reachable through ai.djl.mxnet.jna.JnaUtils.LIB");
        assertTrue(Threads.set(Threads.launcherThreads()));
    }
}
