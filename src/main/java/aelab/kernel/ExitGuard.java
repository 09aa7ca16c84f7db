package aelab.kernel;

import java.security.Permission;

/**
 * Keeps a cell from ending the kernel: {@code System.exit} and {@code Runtime.halt} called from a cell's
 * thread (or a thread it started) fail with {@link CellExitException}, and the kernel and its variables
 * live on. Java 17 offers no other hook for this than a security manager; this one checks nothing else.
 * Exits it cannot stop: native code that calls the C library's {@code exit}, and a kernel JVM started
 * with {@code -Djava.security.manager=disallow} (the kernelspec does not).
 */
@SuppressWarnings("removal")
final class ExitGuard extends SecurityManager {

    /** The threads cells run on, and every thread they start. */
    static final ThreadGroup CELLS = new ThreadGroup("aelab-cells");

    private ExitGuard() {}

    /** Installs the guard for this JVM; false when the JVM forbids a security manager. */
    static boolean install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return true;
        }
        try {
            System.setSecurityManager(new ExitGuard());
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public void checkExit(int status) {
        if (inCell()) {
            throw new CellExitException(status);
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        // everything else is allowed, as without a security manager
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        // everything else is allowed, as without a security manager
    }

    private static boolean inCell() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g == CELLS) {
                return true;
            }
        }
        return false;
    }

    /** What a cell that calls {@code System.exit} or {@code Runtime.halt} ends with. */
    static final class CellExitException extends SecurityException {
        CellExitException(int status) {
            super("exit(" + status + ") would end the kernel and every variable with it, so a cell may not call"
                    + " it; the kernel goes on. To start afresh, use Kernel > Restart");
        }
    }
}
