package aelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class EnginesTest {

    private static String requestedWith(String value) {
        String before = System.getProperty("aelab.engine");
        try {
            System.setProperty("aelab.engine", value);
            return Engines.requested();
        } finally {
            if (before == null) {
                System.clearProperty("aelab.engine");
            } else {
                System.setProperty("aelab.engine", before);
            }
        }
    }

    @Test
    void namesAreReadWithoutRegardToCase() {
        assertEquals(Engines.PYTORCH, requestedWith("PyTorch"));
        assertEquals(Engines.MXNET, requestedWith(" mxnet "));
        assertEquals(System.getenv("AELAB_ENGINE") == null ? Engines.MXNET : Engines.requested(), requestedWith(""));
    }

    @Test
    void anUnknownEngineIsAClearError() {
        Engines.ChoiceException e = assertThrows(Engines.ChoiceException.class, () -> requestedWith("tensorflow"));
        assertTrue(e.getMessage().contains("'tensorflow'") && e.getMessage().contains("mxnet")
                && e.getMessage().contains("pytorch"), e.getMessage());
    }

    @Test
    void theEngineAskedForIsDjlsDefault() {
        // the test run's own engine (MXNet, or PyTorch in the -Ppytorch pass), set up before the tests
        assertEquals(Engines.requested(), Engine.getDefaultEngineName());
        assertEquals(Engines.requested(), Engines.select().getEngineName());
        assertEquals(Engines.requested().equals(Engines.MXNET), Engines.onMxnet());
    }
}
