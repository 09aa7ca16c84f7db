package aelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void parsesEitherCaseAndPicksByMode() {
        assertEquals(Mode.FULL, Mode.parse(" Full ", "x"));
        assertEquals(3, Mode.QUICK.pick(3, 30));
        assertEquals("b", Mode.FULL.pick("a", "b"));
    }

    @Test
    void anUnknownModeNamesTheSettingAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mode.parse("fast", "AELAB_MODE"));
        assertTrue(e.getMessage().contains("AELAB_MODE=fast") && e.getMessage().contains("quick or full"));
    }

    @Test
    void systemPropertyChoosesTheMode() {
        String old = System.getProperty(Mode.PROPERTY);
        try {
            System.setProperty(Mode.PROPERTY, "full");
            assertEquals(Mode.FULL, Mode.current());
        } finally {
            if (old == null) {
                System.clearProperty(Mode.PROPERTY);
            } else {
                System.setProperty(Mode.PROPERTY, old);
            }
        }
    }
}
