package aelab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * AE Lab's Java kernel: JJava's Jupyter protocol library ({@code jjava-jupyter}) for the sockets
 * and messages, JShell in this JVM for the cells ({@link Cells}), AE Lab's renderers for what
 * cells show ({@link Displays}). No magics: a notebook is plain Java.
 */
public final class AelabKernel extends BaseKernel {

    private static volatile AelabKernel running;

    private final Cells cells;
    private final CellHistory history = new CellHistory();
    /** The reply environment of the cell running now, for {@link #clearOutput}. */
    private volatile ShellReplyEnvironment current;

    AelabKernel() {
        super("aelab", version(), new LanguageInfo.Builder("java").version(Runtime.version().toString())
                        .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("java").build(),
                List.of(), null, new CellIO(), new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
                new StringStyler.Builder().build());
        Displays.registerAll(renderer);
        cells = new Cells();
    }

    /** The kernel of this JVM, or null outside a notebook. */
    static AelabKernel running() {
        return running;
    }

    private static String version() {
        String v = AelabKernel.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    @Override
    public void onStartup() {
        running = this;
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        running = null;
        cells.close();
    }

    /** Publishes {@code value} as a new output and returns its display id. */
    String show(Object value) {
        DisplayData data = render(value);
        String id = UUID.randomUUID().toString();
        data.setDisplayId(id);
        io.display.display(data);
        return id;
    }

    /** Replaces the output {@code id} with {@code value}. */
    void update(String id, Object value) {
        io.display.updateDisplay(id, render(value));
    }

    private DisplayData render(Object value) {
        return value instanceof DisplayData d ? d : renderer.render(value == null ? "null" : value);
    }

    @Override
    public Object evalRaw(String source) {
        return cells.eval(source);
    }

    /** Clears the running cell's output (the cell's own {@code clearOutput()}). */
    void clearOutput() {
        ShellReplyEnvironment env = current;
        if (env != null) {
            env.publish(PublishClearOutput.NOW);
        }
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = cells.inspect(code, at);
        return text == null ? null : new DisplayData(text);
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new Replies.KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }

    /** Jupyter's history: the cells of this session, by tail, range or glob search. */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        boolean output = request.includeOutput();
        List<List<Object>> rows = switch (request.getAccessType()) {
            case TAIL -> history.tail(((HistoryRequest.Tail) request).getMaxReturnLength(), output);
            case RANGE -> {
                HistoryRequest.Range r = (HistoryRequest.Range) request;
                yield history.range(r.getSessionIndex(), r.getStart(), r.getStop(), output);
            }
            case SEARCH -> {
                HistoryRequest.Search s = (HistoryRequest.Search) request;
                yield history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique(), output);
            }
        };
        env.reply(new Replies.History(rows));
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Cells.Completion c = cells.complete(code, at);
        return new ReplacementOptions(c.options(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return cells.isComplete(code);
    }

    @Override
    public void interrupt() {
        cells.stop();
    }

    /** The expression of a cell such as {@code Math.max?} (one line, ending in a question mark), or null. */
    static String helpTarget(String code) {
        String s = code.strip();
        if (s.length() < 2 || !s.endsWith("?") || s.contains("\n")) {
            return null;
        }
        String target = s.substring(0, s.length() - 1).strip();
        return target.matches("[\\w$.()<>\\[\\], ]+") ? target : null;
    }

    /**
     * Runs a cell as the base kernel does, but reports a failed cell by its own error's name and
     * lines ({@link CellError}) rather than the kernel's exception and stack.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        replaceOutputStreams(env);
        CellIO cellIO = (CellIO) io;
        cellIO.attach(env, request.isStdinEnabled());
        env.defer(() -> cellIO.detach(env));
        current = env;
        env.defer(() -> current = null);
        boolean remember = request.shouldStoreHistory() && !request.isSilent();
        try {
            String help = helpTarget(request.getCode());
            if (help != null) {
                // "Math.max?": the documentation Shift-Tab shows, in the pager (as IPython's "?" does)
                String text = cells.inspect(help, help.length());
                env.defer().reply(new Replies.ExecuteWithPager(count, text == null ? "no documentation found for "
                        + help.strip() : text));
                if (remember) {
                    history.add(count, request.getCode(), "");
                }
                return;
            }
            DisplayData out = eval(request.getCode());
            System.out.flush();
            System.err.flush();
            if (out != null) {
                env.publish(new PublishExecuteResult(count, out));
            }
            if (remember) {
                Object text = out == null ? null : out.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN);
                history.add(count, request.getCode(), text == null ? "" : text.toString());
            }
            env.defer().reply(new ExecuteReply(count, Map.of()));
        } catch (RuntimeException e) {
            if (remember) {
                history.add(count, request.getCode(), "");
            }
            System.out.flush();
            System.err.flush();
            CellError error = e instanceof CellError c ? c
                    : new CellError(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), List.of(e.toString()));
            List<String> lines = new ArrayList<>(error.lines());
            ErrorReply reply = new ErrorReply(error.name(), error.getMessage(), lines);
            reply.setExecutionCount(count);
            env.publish(new PublishError(error.name(), error.getMessage(), lines));
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }
}
