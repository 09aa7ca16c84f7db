package aelab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

/** A case worked out by hand: eight digits on a line, two labels, a start that cuts in the wrong place. */
class MistakesTableTest {

    // labels 0 0 0 1 | 0 1 1 1 along a line; digit 4 (a 0) sits among the 1s, digit 3 (a 1) just left of them
    static final float[][] CODES = {{0}, {1}, {2}, {5}, {9}, {10}, {11}, {12}};
    static final int[] LABELS = {0, 0, 0, 1, 0, 1, 1, 1};

    @Test
    void countsEachRowsMistakesByWhatTheCodesSaidAtTheStart() {
        // the start cuts between 1 and 2: digit 2 (a 0) and digit 4 (a 0) are in the 1s' cluster
        int[] start = {0, 0, 1, 1, 1, 1, 1, 1};
        // a fine-tuning that moves the cut to between 2 and 5 (mends digit 2) and breaks digit 7
        int[] end = {0, 0, 0, 1, 1, 1, 1, 0};
        Table t = new MistakesTable("line", CODES, start, LABELS, 3).add("moved", CODES, end).table();
        // digit 2's three nearest codes (1, 0, 5) carry 0, 0, 1: a boundary mistake; digit 4's (10, 11, 12) carry 1s: embedded
        assertEquals(2, t.intColumn("mistakes").get(0));
        assertEquals(1, t.intColumn("boundary at the start").get(0));
        assertEquals(1, t.intColumn("embedded at the start").get(0));
        assertEquals(0, t.intColumn("new (right at the start)").get(0));
        assertEquals(6 / 8.0, t.doubleColumn("ACC").get(0), 1e-12);
        // the end keeps digit 4's mistake and adds digit 7's
        assertEquals(2, t.intColumn("mistakes").get(1));
        assertEquals(0, t.intColumn("boundary at the start").get(1));
        assertEquals(1, t.intColumn("embedded at the start").get(1));
        assertEquals(1, t.intColumn("new (right at the start)").get(1));
        // 3-NN votes on the line: digit 3 (a 1 at 5; neighbours 2, 1, 9 carry 0s) and digit 4 are out-voted
        assertEquals(6 / 8.0, t.doubleColumn("3-NN accuracy of its codes").get(0), 1e-12);
    }

    @Test
    void assignmentsForOtherDigitsAreRefusedWithTheCounts() {
        MistakesTable t = new MistakesTable("line", CODES, new int[8], LABELS, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> t.add("short", CODES, new int[7]));
        assertEquals("short: 7 assignments for 8 digits; pass the same digits as the start", e.getMessage());
    }
}
