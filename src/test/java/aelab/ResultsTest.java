package aelab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResultsTest {

    @Test
    void numbersKeepFourSignificantDigitsWhateverTheirSize() {
        assertEquals("352.8", Results.significant(352.8316, 4));
        assertEquals("0.00006489", Results.significant(6.48896e-5, 4));
        assertEquals("0.115", Results.significant(0.11497, 4));
        assertEquals("1156", Results.significant(1155.76, 4));
        assertEquals("0", Results.significant(0, 4));
        assertEquals("NaN", Results.significant(Double.NaN, 4));
    }

    @Test
    void theTablePrintsEachMeasureWithItsRoundedValueAndTheOriginal() {
        String printed = new Results("t").add("tiny variance", 6.48896e-5, "none").add("error", 0.11289).toString();
        assertTrue(printed.contains("0.00006489"), printed);
        assertTrue(printed.contains("0.1129"), printed);
        assertTrue(printed.contains("tiny variance") && printed.contains("none"), printed);
    }
}
