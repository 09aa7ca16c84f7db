package aelab.train;

import aelab.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Per-epoch means of each loss term (and accuracy), with the epoch's wall time. */
public final class History {

    private final String name;
    private final List<Integer> epochs = new ArrayList<>();
    private final Map<String, List<Double>> terms = new LinkedHashMap<>();
    private final List<Double> seconds = new ArrayList<>();

    public History(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Records one epoch; every epoch must report the same terms. */
    public void add(int epoch, Map<String, Double> values, double wallSeconds) {
        if (!epochs.isEmpty() && !terms.keySet().equals(values.keySet())) {
            throw new IllegalArgumentException("epoch " + epoch + " reports " + values.keySet()
                    + " but earlier epochs reported " + terms.keySet());
        }
        epochs.add(epoch);
        values.forEach((k, v) -> terms.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        seconds.add(wallSeconds);
    }

    /** A copy under another name, to be continued by a resumed run. */
    public History copy(String newName) {
        History h = new History(newName);
        for (int i = 0; i < epochs.size(); i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> e : terms.entrySet()) {
                values.put(e.getKey(), e.getValue().get(i));
            }
            h.add(epochs.get(i), values, seconds.get(i));
        }
        return h;
    }

    /** The first {@code n} epochs only. */
    public History head(int n) {
        History h = copy(name);
        while (h.epochs.size() > n) {
            int last = h.epochs.size() - 1;
            h.epochs.remove(last);
            h.seconds.remove(last);
            h.terms.values().forEach(v -> v.remove(last));
        }
        return h;
    }

    public int size() {
        return epochs.size();
    }

    public List<String> termNames() {
        return List.copyOf(terms.keySet());
    }

    /** The values of one term, one per epoch. */
    public double[] values(String term) {
        List<Double> v = terms.get(term);
        if (v == null) {
            throw new IllegalArgumentException("no term '" + term + "'; this history has " + terms.keySet());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public double[] epochs() {
        return epochs.stream().mapToDouble(Integer::doubleValue).toArray();
    }

    /** The last epoch's value of a term. */
    public double last(String term) {
        double[] v = values(term);
        return v[v.length - 1];
    }

    public double totalSeconds() {
        return seconds.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The history as a table: epoch, each term, seconds. */
    public Table table() {
        Table t = Table.create(name).addColumns(IntColumn.create("epoch",
                epochs.stream().mapToInt(Integer::intValue).toArray()));
        terms.forEach((k, v) -> t.addColumns(DoubleColumn.create(k, v)));
        t.addColumns(DoubleColumn.create("seconds", seconds));
        return t;
    }

    /** Writes the table as CSV through a temporary file, so a reader never sees half a file. */
    public void writeCsv(Path file) {
        try {
            AtomicFile.write(file, tmp -> table().write().csv(tmp.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads what {@link #writeCsv} wrote. */
    public static History readCsv(Path file, String name) {
        Table t;
        try {
            t = Table.read().csv(CsvReadOptions.builder(file.toFile()).header(true).build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read the history " + file + ": " + e.getMessage()
                    + "; delete it (and its run's checkpoints) to train that stage again", e);
        }
        List<String> columns = t.columnNames();
        if (t.rowCount() > 0 && (!columns.get(0).equals("epoch") || !columns.get(columns.size() - 1).equals("seconds"))) {
            throw new IllegalArgumentException(file + " is not a training history (columns " + columns
                    + "); delete it to train that stage again");
        }
        History h = new History(name);
        for (int r = 0; r < t.rowCount(); r++) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int c = 1; c < columns.size() - 1; c++) {
                values.put(columns.get(c), ((Number) t.column(c).get(r)).doubleValue());
            }
            h.add(((Number) t.column(0).get(r)).intValue(), values,
                    ((Number) t.column(columns.size() - 1).get(r)).doubleValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
