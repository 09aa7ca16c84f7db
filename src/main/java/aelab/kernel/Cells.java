package aelab.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;
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
                    throw compileError(event.snippet(), unit);
                }
                if (event.exception() != null) {
                    throw runtimeError(event.exception());
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

    private CellError compileError(Snippet snippet, Unit unit) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : shell.diagnostics(snippet).collect(Collectors.toList())) {
            if (!diag.isError()) {
                continue;
            }
            long at = Math.max(0, diag.getStartPosition());
            int line = unit.line() + newlines(unit.source(), (int) Math.min(at, unit.source().length())) + 1;
            String message = diag.getMessage(Locale.ENGLISH);
            first = first == null ? "line " + line + ": " + message : first;
            lines.add("line " + line + ": " + message);
            lines.add("    " + lineOf(unit.source(), (int) Math.min(at, unit.source().length())).strip());
        }
        if (first == null) { // rejected without an error: a declaration depends on something undefined
            first = "line " + (unit.line() + 1) + ": this declaration cannot be compiled";
            lines.add(first);
        }
        return new CellError("CompileError", first, lines);
    }

    private CellError runtimeError(JShellException exception) {
        String name;
        if (exception instanceof EvalException eval) {
            String type = eval.getExceptionClassName();
            name = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        } else if (exception instanceof UnresolvedReferenceException unresolved) {
            name = "UnresolvedReference";
            return new CellError(name, unresolved.getSnippet().toString() + " uses something not defined yet",
                    List.of(name + ": define it in an earlier cell, or run the cell that does"));
        } else {
            name = exception.getClass().getSimpleName();
        }
        String message = exception.getMessage() == null ? "" : exception.getMessage();
        List<String> lines = new ArrayList<>();
        lines.add(name + (message.isEmpty() ? "" : ": " + message));
        for (StackTraceElement frame : exception.getStackTrace()) {
            if (isKernel(frame)) {
                break; // below the cell: JShell's and the kernel's own frames
            }
            lines.add("    at " + describe(frame));
        }
        Throwable cause = exception.getCause();
        while (cause != null) {
            String causeName = cause instanceof EvalException e ? e.getExceptionClassName() : cause.getClass().getName();
            lines.add("caused by " + causeName + ": " + cause.getMessage());
            cause = cause.getCause();
        }
        return new CellError(name, message, lines);
    }

    private static boolean isKernel(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("aelab.kernel.") || c.startsWith("jdk.jshell.");
    }

    /** A frame of a cell reads "cell line N"; the library's frames are shown as Java shows them. */
    private String describe(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            Integer start = firstLine.get(file.substring(1));
            String name = frame.getMethodName();
            String method = name.isEmpty() || name.startsWith("do_it$") ? "" : " (" + name + ")";
            return start == null ? "the cell" + method : "cell line " + (start + frame.getLineNumber()) + method;
        }
        return frame.toString();
    }

    /** Tab completion: JShell's suggestions for the snippet the cursor is in. */
    Completion complete(String code, int cursor) {
        Unit unit = unitAt(code, cursor);
        int[] anchor = new int[1];
        List<String> options = analysis.completionSuggestions(unit.source(), cursor - unit.start(), anchor).stream()
                .filter(SourceCodeAnalysis.Suggestion::matchesType)
                .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
        if (options.isEmpty()) {
            options = analysis.completionSuggestions(unit.source(), cursor - unit.start(), anchor).stream()
                    .map(SourceCodeAnalysis.Suggestion::continuation).distinct().collect(Collectors.toList());
        }
        return new Completion(options, unit.start() + anchor[0], cursor);
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
            // JShell may drop a leading comment from the snippet: find where its own text starts
            String head = source.lines().findFirst().orElse("");
            int found = code.indexOf(head, offset);
            int start = found >= 0 && found < offset + consumed ? found : offset + leadingBlank(rest);
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

    private static int newlines(String s, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String lineOf(String s, int at) {
        int from = s.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int to = s.indexOf('\n', at);
        return s.substring(from, to < 0 ? s.length() : to);
    }

    @Override
    public void close() {
        shell.close();
    }
}
