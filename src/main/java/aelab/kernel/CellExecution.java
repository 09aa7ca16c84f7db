package aelab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell's snippets in the kernel's own JVM, each cell on a fresh thread, so that library
 * calls such as {@code display} reach the front end, the kernel keeps answering while a cell runs,
 * and the Stop button can end it. Keeps the last value a snippet produced, as an object, so that
 * the kernel can render it (JShell itself only returns its text).
 */
final class CellExecution extends DirectExecutionControl {

    /** How long an interrupted cell may take to stop between batches before it is stopped hard. */
    static final long GRACE_MILLIS = 3_000;

    private volatile Thread running;
    private volatile boolean stopRequested;
    private volatile Object lastValue;

    /** The provider JShell's builder takes; it hands out this one instance. */
    ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "aelab-cells";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return CellExecution.this;
            }
        };
    }

    /** The value of the snippet run last (null for statements and void calls). */
    Object lastValue() {
        return lastValue;
    }

    /** Whether the cell running now, or the last one, was asked to stop. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** Marks the start of a cell: a Stop pressed before it does not stop it. */
    void newCell() {
        stopRequested = false;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        lastValue = null;
        FutureTask<Object> task = new FutureTask<>(() -> doit.invoke(null));
        Thread thread = new Thread(ExitGuard.CELLS, task, "aelab-cell");
        thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        running = thread;
        thread.start();
        try {
            Object value = task.get();
            lastValue = value;
            return valueString(value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // Method.invoke wraps what the snippet threw; pass that on as JShell expects it
            if (cause instanceof InvocationTargetException ite) {
                if (ite.getCause() instanceof ThreadDeath) {
                    throw new InvocationTargetException(new CellStoppedException());
                }
                throw ite;
            }
            throw new InvocationTargetException(cause);
        } finally {
            running = null;
        }
    }

    /**
     * The Stop button: interrupts the cell's thread, which AE Lab's training loops check between
     * batches; a cell still running after {@link #GRACE_MILLIS} (a loop of the user's own that
     * never checks) is stopped hard.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        stopRequested = true;
        thread.interrupt();
        Thread watchdog = new Thread(() -> {
            try {
                thread.join(GRACE_MILLIS);
                if (thread.isAlive() && running == thread) {
                    thread.stop();
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "aelab-stop");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** What a cell stopped hard ends with, instead of a bare {@link ThreadDeath}. */
    static final class CellStoppedException extends RuntimeException {
        CellStoppedException() {
            super("the cell was stopped (Stop button)");
        }
    }
}
