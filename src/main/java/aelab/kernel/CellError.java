package aelab.kernel;

import java.util.List;

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
}
