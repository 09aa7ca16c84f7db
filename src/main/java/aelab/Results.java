package aelab;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The table a notebook ends with: what was measured, its value, and what the original reported. */
public final class Results {

    private final String title;
    private final List<String> measures = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();
    private final List<String> originals = new ArrayList<>();

    public Results(String title) {
        this.title = title;
    }

    /** Adds a measurement with nothing to compare it with. */
    public Results add(String measure, double value) {
        return add(measure, value, "");
    }

    /** Adds a measurement beside the original's number (or a note on it). */
    public Results add(String measure, double value, String original) {
        measures.add(measure);
        values.add(value);
        originals.add(original);
        return this;
    }

    public Table table() {
        return Table.create(title).addColumns(StringColumn.create("measure", measures),
                DoubleColumn.create("ours", values.stream().map(v -> Math.round(v * 10000) / 10000.0).toList()),
                StringColumn.create("original", originals));
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
