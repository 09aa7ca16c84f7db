package aelab.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for Jupyter's {@code history_request}: the last n ({@code tail}), a range of
 * execution counts ({@code range}), or those matching a glob pattern ({@code search}, {@code *} and
 * {@code ?} as in IPython), each as (session, execution count, input) or, with output, (session, count,
 * [input, output]). The kernel keeps one session, numbered {@value #SESSION}.
 */
final class CellHistory {

    static final int SESSION = 1;

    private record Cell(int count, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    synchronized void add(int count, String input, String output) {
        cells.add(new Cell(count, input, output == null ? "" : output));
    }

    /** The last {@code n} cells. */
    synchronized List<List<Object>> tail(int n, boolean output) {
        return rows(cells.subList(Math.max(0, cells.size() - Math.max(0, n)), cells.size()), output);
    }

    /** Cells with execution counts in [start, stop) of {@code session} (0 or {@value #SESSION}: this one). */
    synchronized List<List<Object>> range(int session, int start, int stop, boolean output) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return rows(cells.stream().filter(c -> c.count() >= start && (stop <= 0 || c.count() < stop)).toList(), output);
    }

    /** The last {@code n} cells (all when n is 0 or less) whose input matches {@code glob}; unique: one per input. */
    synchronized List<List<Object>> search(String glob, int n, boolean unique, boolean output) {
        Pattern pattern = Pattern.compile(globToRegex(glob == null || glob.isEmpty() ? "*" : glob), Pattern.DOTALL);
        List<Cell> found = cells.stream().filter(c -> pattern.matcher(c.input()).matches()).toList();
        if (unique) {
            Map<String, Cell> last = new LinkedHashMap<>();
            for (Cell c : found) {
                last.remove(c.input());
                last.put(c.input(), c);
            }
            found = List.copyOf(last.values());
        }
        if (n > 0 && found.size() > n) {
            found = found.subList(found.size() - n, found.size());
        }
        return rows(found, output);
    }

    private static List<List<Object>> rows(List<Cell> cells, boolean output) {
        List<List<Object>> out = new ArrayList<>();
        for (Cell c : cells) {
            out.add(List.of(SESSION, c.count(), output ? List.of(c.input(), c.output()) : c.input()));
        }
        return out;
    }

    static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return regex.toString();
    }
}
