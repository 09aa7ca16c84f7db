package aelab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * A cell that failed, said the way a learner reads it: the error's name ({@code CompileError},
 * or the exception's class), its message, and the lines to show (cell lines and the library's
 * frames, not the kernel's).
 */
final class CellError extends RuntimeException {

    private final String name;
    private final List<String> lines;

    CellError(String name, String message, List<String> lines) {
        super(message);
        this.name = name;
        this.lines = List.copyOf(lines);
    }

    String name() {
        return name;
    }

    List<String> lines() {
        return lines;
    }

    /** A rejected snippet: each compiler error with the line of the cell it is on and that line's source. */
    static CellError compile(List<Diag> diagnostics, Cells.Unit unit) {
        List<String> lines = new ArrayList<>();
        String first = null;
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            long at = Math.max(0, diag.getStartPosition());
            int line = unit.line() + Cells.newlines(unit.source(), (int) Math.min(at, unit.source().length())) + 1;
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

    /** A snippet that threw: the exception's type, message, and the frames down to the cell. */
    static CellError runtime(JShellException exception, Map<String, Integer> firstLine) {
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
            lines.add("    at " + describe(frame, firstLine));
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
    private static String describe(StackTraceElement frame, Map<String, Integer> firstLine) {
        String file = frame.getFileName();
        if (file != null && file.startsWith("#")) {
            Integer start = firstLine.get(file.substring(1));
            String name = frame.getMethodName();
            String method = name.isEmpty() || name.startsWith("do_it$") ? "" : " (" + name + ")";
            return start == null ? "the cell" + method : "cell line " + (start + frame.getLineNumber()) + method;
        }
        return frame.toString();
    }

    private static String lineOf(String s, int at) {
        int from = s.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int to = s.indexOf('\n', at);
        return s.substring(from, to < 0 ? s.length() : to);
    }
}
