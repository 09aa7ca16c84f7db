package aelab.metrics;

import aelab.Results;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The table a clustering notebook ends with: ACC, NMI in both normalisations and ARI per method, beside the published numbers. */
public final class ClusteringTable {

    private final int[] labels;
    private final Table table;

    /** A table scoring assignments against {@code labels} (used only to score). */
    public ClusteringTable(String title, int[] labels) {
        this.labels = labels.clone();
        table = Table.create(title).addColumns(StringColumn.create("method"), DoubleColumn.create("ACC"),
                DoubleColumn.create("NMI geometric"), DoubleColumn.create("NMI arithmetic"), DoubleColumn.create("ARI"),
                StringColumn.create("published (ACC / NMI)"));
    }

    /** Adds one method's row. */
    public ClusteringTable add(String method, int[] clusters, String published) {
        table.stringColumn(0).append(method);
        table.doubleColumn(1).append(Clustering.accuracy(clusters, labels));
        table.doubleColumn(2).append(Clustering.nmi(clusters, labels, Clustering.Normalization.GEOMETRIC));
        table.doubleColumn(3).append(Clustering.nmi(clusters, labels, Clustering.Normalization.ARITHMETIC));
        table.doubleColumn(4).append(Clustering.ari(clusters, labels));
        table.stringColumn(5).append(published);
        return this;
    }

    public Table table() {
        return Results.fourDigits(table);
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
