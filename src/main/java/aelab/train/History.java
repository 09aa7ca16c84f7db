package aelab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

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

    @Override
    public String toString() {
        return table().printAll();
    }
}
