package aelab;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

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
        return fourDigits(Table.create(title).addColumns(StringColumn.create("measure", measures),
                DoubleColumn.create("ours", values), StringColumn.create("original", originals)));
    }

    /**
     * Prints every number column of the table with at most four significant digits (352.8, 0.1129,
     * 0.00006489): fixed decimals would show tiny variances as 0 and large counts with noise digits.
     */
    public static Table fourDigits(Table table) {
        // by class, not ColumnType.DOUBLE: depending on which Tablesaw class loads first, that constant
        // can be a second DoubleColumnType instance that no column's type equals
        for (var column : table.columns()) {
            if (!(column instanceof DoubleColumn)) {
                continue;
            }
            ((DoubleColumn) column).setPrintFormatter(new NumberColumnFormatter() {
                @Override
                public String format(double value) {
                    return significant(value, 4);
                }
            });
        }
        return table;
    }

    /** The value rounded to {@code digits} significant digits, without exponent or trailing zeros. */
    public static String significant(double value, int digits) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
