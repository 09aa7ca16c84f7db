package aelab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

    @Test
    void twoSeparateGroupsAreNamedByTheirNeighbours() {
        float[][] x = {{0, 0}, {0, 1}, {1, 0}, {10, 10}, {10, 11}, {11, 10}};
        int[] labels = {0, 0, 0, 1, 1, 1};
        assertEquals(0, NearestNeighbours.leaveOneOutError(x, labels, 1));
        assertEquals(0, NearestNeighbours.leaveOneOutError(x, labels, 2));
        // with 3 neighbours each point's vote is 2 of its own group against 1 of the other
        assertEquals(0, NearestNeighbours.leaveOneOutError(x, labels, 3));
        // swap one label in each group: the vote of its neighbours now disagrees with it
        int[] swapped = {0, 0, 1, 1, 1, 0};
        assertEquals(2 / 6.0, NearestNeighbours.leaveOneOutError(x, swapped, 2), 1e-12);
    }

    @Test
    void aTieGoesToTheLabelOfTheNearerNeighbour() {
        // point 0's two neighbours: 1 (label 1) at distance 1, 2 (label 2) at distance 2
        float[][] x = {{0}, {1}, {-2}};
        assertEquals(1 / 3.0, NearestNeighbours.leaveOneOutError(x, new int[] {1, 1, 2}, 2), 1e-12);
        // point 2's two neighbours both carry label 1
        assertArrayEquals(new int[] {1, 1, 1},
                NearestNeighbours.leaveOneOutVotes(x, new int[] {1, 1, 2}, 2));
        // labelled so that point 0's tie goes to the wrong label, and point 2's to its own
        assertEquals(2 / 3.0, NearestNeighbours.leaveOneOutError(x, new int[] {2, 1, 2}, 2), 1e-12);
    }

    @Test
    void badArgumentsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbours.leaveOneOutError(new float[][] {{0}, {1}}, new int[] {0}, 1));
        assertTrue(e.getMessage().contains("one label per row"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NearestNeighbours.leaveOneOutError(new float[][] {{0}, {1}}, new int[] {0, 1}, 2));
    }
}
