package aelab.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/** Starts AE Lab's kernel for Jupyter: {@code java ... aelab.kernel.KernelMain CONNECTION_FILE}. */
public final class KernelMain {

    private KernelMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: KernelMain CONNECTION_FILE (the JSON file Jupyter writes for a new kernel)");
            System.exit(2);
        }
        try {
            aelab.Engines.configure();
        } catch (RuntimeException e) {
            // the kernel still starts; Lab.start repeats the error in the notebook, where it is seen
            System.err.println("AE Lab kernel: " + e.getMessage());
        }
        // a cell's System.exit or Runtime.halt fails instead of ending the kernel
        if (!ExitGuard.install()) {
            System.err.println("AE Lab kernel: this JVM forbids a security manager, so a cell's System.exit will end the kernel");
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new JupyterConnection(properties);
        AelabKernel kernel = new AelabKernel();
        kernel.onStartup();
        // every handler is in place before the sockets are bound, so no request can arrive unanswered
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // MXNet's and the cells' threads must not keep a shut-down kernel alive
        System.exit(0);
    }
}
