package aelab.kernel;

/**
 * What a notebook cell calls to show things: {@code display(obj)} adds an output and returns its
 * id; {@code updateDisplay(id, obj)} replaces that output (a training cell redraws one figure per
 * epoch). Every cell has these imported. Outside the kernel (a plain JShell, the tests) they print
 * the object's text instead and return null.
 */
public final class Notebook {

    private Notebook() {}

    /** Shows an image, chart, table, animation or any object's text; returns the display's id. */
    public static String display(Object value) {
        AelabKernel kernel = AelabKernel.running();
        if (kernel == null) {
            System.out.println(value);
            return null;
        }
        return kernel.show(value);
    }

    /** The lines of {@code type}'s method {@code name}, from the library's source as it is now. */
    public static SourceLines source(Class<?> type, String name) {
        return SourceLines.method(type, name);
    }

    /** The lines of {@code type}'s source from the first containing {@code from} to the next containing {@code to}. */
    public static SourceLines source(Class<?> type, String from, String to) {
        return SourceLines.between(type, from, to);
    }

    /** Clears the running cell's output so far (a loop of your own can redraw its figures this way). */
    public static void clearOutput() {
        AelabKernel kernel = AelabKernel.running();
        if (kernel != null) {
            kernel.clearOutput();
        }
    }

    /** Replaces what the display {@code id} shows with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        if (id == null) {
            throw new IllegalArgumentException("updateDisplay needs the id that display(...) returned; it got null");
        }
        AelabKernel kernel = AelabKernel.running();
        if (kernel == null) {
            System.out.println(value);
            return;
        }
        kernel.update(id, value);
    }
}
