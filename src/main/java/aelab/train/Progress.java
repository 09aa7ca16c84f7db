package aelab.train;

import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an epoch's progress: a progress bar with the running losses in a terminal, nothing per
 * batch elsewhere (a notebook gets one printed line per epoch from the loop instead).
 */
final class Progress implements AutoCloseable {

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar on the terminal when there is one and {@code show} is set; otherwise a no-op. */
    static Progress start(boolean show, String task, long batches) {
        if (!show || System.console() == null) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder().setTaskName(task).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build());
    }

    void step(Map<String, Double> runningMeans) {
        if (bar == null) {
            return;
        }
        StringBuilder s = new StringBuilder();
        runningMeans.forEach((k, v) -> s.append(String.format(" %s %.4f", k, v)));
        bar.setExtraMessage(s.toString());
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
