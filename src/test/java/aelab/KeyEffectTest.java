package aelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class KeyEffectTest {

    @Test
    void aThresholdHoldsOnItsOwnSideOnly() {
        assertTrue(KeyEffect.atLeast("gain", 0.05, 0.01).shown());
        assertFalse(KeyEffect.atLeast("gain", 0.005, 0.01).shown());
        assertTrue(KeyEffect.atMost("error (%)", 11, 30).shown());
        assertFalse(KeyEffect.atMost("error (%)", 31, 30).shown());
        assertTrue(KeyEffect.atMost("edge", 30, 30).shown());
        assertFalse(KeyEffect.atLeast("undefined", Double.NaN, 0).shown());
        assertFalse(KeyEffect.atMost("undefined", Double.NaN, 0).shown());
    }

    @Test
    void itsJsonIsWhatTheNotebookRunnerReads() {
        JsonObject o = JsonParser.parseString(KeyEffect.atMost("a \"quoted\" name", 0.25, 0.6).json()).getAsJsonObject();
        assertEquals("a \"quoted\" name", o.get("name").getAsString());
        assertEquals(0.25, o.get("value").getAsDouble());
        assertEquals("<=", o.get("relation").getAsString());
        assertEquals(0.6, o.get("threshold").getAsDouble());
        assertTrue(o.get("shown").getAsBoolean());
        assertTrue(JsonParser.parseString(KeyEffect.atLeast("nan", Double.NaN, 1).json()).getAsJsonObject()
                .get("value").isJsonNull());
        assertEquals("key effect: gain = 0.05000 (threshold ≥ 0.01000): shown", KeyEffect.atLeast("gain", 0.05, 0.01).toString());
    }

    @Test
    void anEffectWithoutANameIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> KeyEffect.atLeast(" ", 1, 0));
        assertTrue(e.getMessage().contains("needs a name"), e.getMessage());
    }

    @Test
    void recordsPrintTheirArrays() {
        record Sizes(String name, int[] sizes, float[][] grid) {
            @Override
            public String toString() {
                return Records.toString(this);
            }
        }
        assertEquals("Sizes[name=n, sizes=[784, 32], grid=[[1.0], [2.0, 3.0]]]",
                new Sizes("n", new int[] {784, 32}, new float[][] {{1}, {2, 3}}).toString());
    }
}
