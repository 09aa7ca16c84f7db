package aelab.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.VarSnippet;

/**
 * A notebook's cells, compiled and run by JShell: a cell is split into snippets (statements,
 * declarations, expressions), which run one after another; what one cell declares the next can
 * use, and a later declaration replaces an earlier one. The last snippet's value is the cell's
 * result when it is an expression not closed by a semicolon.
 */
final class Cells implements AutoCloseable {

    /** What every notebook may use without importing it: the display functions and common JDK packages. */
    static final List<String> STARTUP = List.of(
            "import java.util.*;", "import java.util.stream.*;", "import java.nio.file.*;",
            "import static aelab.kernel.Notebook.*;");

    private final CellExecution execution = new CellExecution();
    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final SourceDocs sources = SourceDocs.ofLibrary();
    /** Snippet id to the line of its cell it starts on (0-based), to name lines in errors. */
    private final Map<String, Integer> firstLine = new TreeMap<>();

    Cells() {
        shell = JShell.builder().executionEngine(execution.provider(), Map.of()).build();
        analysis = shell.sourceCodeAnalysis();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        for (String line : STARTUP) {
            eval(line);
        }
    }

    /** Runs a cell; returns its result (null when it has none); throws {@link CellError} when it fails. */
    Object eval(String code) {
        execution.newCell();
        Object result = null;
        for (Unit unit : split(code)) {
            result = null;
            List<SnippetEvent> events = shell.eval(unit.source());
            for (SnippetEvent event : events) {
                if (event.causeSnippet() != null) {
                    continue; // a dependent snippet updated by this one
                }
                firstLine.put(event.snippet().id(), unit.line());
                if (event.status() == Snippet.Status.REJECTED) {
                    throw CellError.compile(shell.diagnostics(event.snippet()).collect(Collectors.toList()), unit);
                }
                if (event.exception() != null) {
                    throw CellError.runtime(event.exception(), firstLine);
                }
                if (unit.last() && showsValue(event.snippet(), unit.source())) {
                    result = execution.lastValue();
                }
            }
        }
        return result;
    }

    /** A cell's last expression is its result unless a semicolon closes it (as in IJava). */
    private static boolean showsValue(Snippet snippet, String source) {
        boolean expression = snippet.kind() == Snippet.Kind.EXPRESSION
                || (snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
        return expression && !source.strip().endsWith(";");
    }

    /** Interrupts the running cell (the Stop button). */
    void stop() {
        execution.stop();
    }

    /**
     * Tab completion: JShell's suggestions for the snippet the cursor is in, seeing what the cell
     * declared above it ({@link #context}).
     */
    Completion complete(String code, int cursor) {
        Context c = context(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> all = analysis.completionSuggestions(c.code(), c.cursor(), anchor);
        List<String> options = all.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
        if (options.isEmpty()) {
            options = all.stream().map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
        }
        return new Completion(options, c.original(anchor[0]), cursor);
    }

    /**
     * Shift-Tab: the signature and Javadoc of the declaration the cursor stands on or in (the JDK's from
     * its {@code src.zip}, the library's from its sources), as plain text; null when there is none.
     */
    String inspect(String code, int cursor) {
        int end = Math.min(cursor, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++; // the whole name the cursor is in
        }
        Context c = context(code, end);
        List<SourceCodeAnalysis.Documentation> found = analysis.documentation(c.code(), c.cursor(), true);
        if (found.isEmpty()) {
            // a method named without its parentheses: JShell documents it only as a call
            String call = c.code().substring(0, c.cursor()) + "(";
            found = analysis.documentation(call, call.length(), true);
        }
        if (found.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : found.subList(0, Math.min(found.size(), 6))) {
            String javadoc = d.javadoc() != null ? SourceDocs.plain(d.javadoc()) : sources.javadoc(d.signature());
            out.append(out.length() == 0 ? "" : "\n\n").append(d.signature());
            if (javadoc != null && !javadoc.isBlank()) {
                out.append("\n\n").append(javadoc);
            }
        }
        return out.toString();
    }

    /**
     * The snippet at the cursor as JShell should analyse it: after the variables, statements and local
     * types the cell declared above it, inside one block, so that {@code String s = "x"; s.toUpper}
     * completes before the cell has run. Methods and imports above are left out (a block cannot hold
     * them); what earlier cells declared JShell knows already.
     */
    private Context context(String code, int cursor) {
        Unit unit = unitAt(code, cursor);
        StringBuilder block = new StringBuilder();
        for (Unit earlier : split(code.substring(0, unit.start()))) {
            if (declaresLocally(earlier.source())) {
                block.append(earlier.source().strip()).append('\n');
            }
        }
        if (block.length() == 0) {
            return new Context(unit.source(), cursor - unit.start(), unit.start(), 0);
        }
        String prefix = "{\n" + block;
        return new Context(prefix + unit.source(), prefix.length() + cursor - unit.start(), unit.start(), prefix.length());
    }

    private boolean declaresLocally(String source) {
        List<Snippet> snippets = analysis.sourceToSnippets(source);
        return !snippets.isEmpty() && switch (snippets.get(0).kind()) {
            case VAR, STATEMENT, EXPRESSION, TYPE_DECL -> true;
            default -> false;
        };
    }

    /** Code for JShell's analysis, the cursor in it, and where the cell's own text starts in both. */
    private record Context(String code, int cursor, int cellStart, int prefix) {
        int original(int at) {
            return cellStart + Math.max(0, at - prefix);
        }
    }

    record Completion(List<String> options, int start, int end) {}

    /** Jupyter's is_complete: "complete", "invalid", or the indent of the next line. */
    String isComplete(String code) {
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                return "    ";
            }
            if (c == Completeness.UNKNOWN) {
                return "invalid";
            }
            rest = info.remaining();
        }
        return "complete";
    }

    /** One snippet of a cell: its source, where it starts (offset and 0-based line), and whether it ends the cell. */
    record Unit(String source, int start, int line, boolean last) {}

    /** Splits a cell into JShell's snippets; an unfinished tail is passed on whole, for JShell to reject. */
    List<Unit> split(String code) {
        List<Unit> units = new ArrayList<>();
        int offset = 0;
        while (offset < code.length() && !code.substring(offset).isBlank()) {
            String rest = code.substring(offset);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            boolean whole = !info.completeness().isComplete() || info.source() == null;
            String source = (whole ? rest : info.source()).stripLeading();
            int consumed = whole ? rest.length() : rest.length() - info.remaining().length();
            int start = offset + leadingBlank(rest); // a leading comment stays with the snippet after it
            units.add(new Unit(source, start, newlines(code, start), false));
            offset += consumed;
        }
        if (!units.isEmpty()) {
            Unit end = units.remove(units.size() - 1);
            units.add(new Unit(end.source(), end.start(), end.line(), true));
        }
        return units;
    }

    private Unit unitAt(String code, int cursor) {
        Unit found = new Unit(code, 0, 0, true);
        for (Unit unit : split(code)) {
            if (unit.start() <= cursor) {
                found = unit;
            }
        }
        String tail = code.substring(found.start());
        return new Unit(tail, found.start(), found.line(), true);
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    static int newlines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }


    @Override
    public void close() {
        shell.close();
    }
}
