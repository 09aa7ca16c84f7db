package aelab.kernel;

import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.JupyterIO;

/** The kernel's stdout, stderr, stdin and display stream, attached to the request of the cell running. */
final class CellIO extends JupyterIO {

    CellIO() {
        super(StandardCharsets.UTF_8);
    }

    void attach(ShellReplyEnvironment env, boolean stdinAllowed) {
        setEnv(env);
        setJupyterInEnabled(stdinAllowed);
    }

    void detach(ShellReplyEnvironment env) {
        retractEnv(env);
    }
}
