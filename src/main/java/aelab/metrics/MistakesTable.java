package aelab.metrics;

import aelab.Results;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Which of a clustering start's mistakes each fine-tuning mends, and which it could. A start's mistake is a
 * "boundary" mistake when most of the digit's k nearest codes carry its own label (the codes know the digit;
 * the cut between clusters falls on the wrong side of it), and an "embedded" one when most carry another
 * label (the codes place it among another digit, and no partition of these codes gets it right). Each row
 * counts its own mistakes by what they were at the start, so the start's boundary count is the most a
 * fine-tuning can mend without moving a digit to other neighbours. The last column is how much of the label
 * each row's codes still carry (k-NN accuracy): what DEC's own targets can blur. Labels only score.
 */
public final class MistakesTable {

    private final int[] labels;
    private final boolean[] startRight;
    private final boolean[] boundary;
    private final int k;
    private final Table table;

    /** The start: its codes, its assignments (k-means on those codes) and the labels (used only to score). */
    public MistakesTable(String title, float[][] startCodes, int[] start, int[] labels, int k) {
        this.labels = labels.clone();
        this.k = k;
        startRight = right(start, labels);
        int[] vote = NearestNeighbours.leaveOneOutVotes(startCodes, labels, k);
        boundary = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            boundary[i] = vote[i] == labels[i];
        }
        table = Table.create(title).addColumns(StringColumn.create("method"), DoubleColumn.create("ACC"),
                IntColumn.create("mistakes"), IntColumn.create("boundary at the start"),
                IntColumn.create("embedded at the start"), IntColumn.create("new (right at the start)"),
                DoubleColumn.create(k + "-NN accuracy of its codes"));
        add("AE + k-means (start)", startCodes, start, vote);
    }

    /** Adds a fine-tuned method's row: its codes and its assignments for the same digits. */
    public MistakesTable add(String method, float[][] codes, int[] clusters) {
        if (clusters.length != labels.length) {
            throw new IllegalArgumentException(method + ": " + clusters.length + " assignments for " + labels.length
                    + " digits; pass the same digits as the start");
        }
        return add(method, codes, clusters, NearestNeighbours.leaveOneOutVotes(codes, labels, k));
    }

    private MistakesTable add(String method, float[][] codes, int[] clusters, int[] vote) {
        boolean[] right = right(clusters, labels);
        int onBoundary = 0;
        int embedded = 0;
        int fresh = 0;
        int knnRight = 0;
        int rightCount = 0;
        for (int i = 0; i < labels.length; i++) {
            knnRight += vote[i] == labels[i] ? 1 : 0;
            if (right[i]) {
                rightCount++;
                continue;
            }
            if (startRight[i]) {
                fresh++;
            } else if (boundary[i]) {
                onBoundary++;
            } else {
                embedded++;
            }
        }
        table.stringColumn(0).append(method);
        table.doubleColumn(1).append(rightCount / (double) labels.length); // ACC, from the same matching
        table.intColumn(2).append(onBoundary + embedded + fresh);
        table.intColumn(3).append(onBoundary);
        table.intColumn(4).append(embedded);
        table.intColumn(5).append(fresh);
        table.doubleColumn(6).append(knnRight / (double) labels.length);
        return this;
    }

    /** Whether each digit's cluster is matched to its own label under ACC's matching. */
    static boolean[] right(int[] clusters, int[] labels) {
        int[] label = Clustering.matchedLabels(clusters, labels);
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = label[clusters[i]] == labels[i];
        }
        return out;
    }

    public Table table() {
        return Results.fourDigits(table);
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
