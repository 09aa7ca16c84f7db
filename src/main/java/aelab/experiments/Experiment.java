package aelab.experiments;

import java.util.Map;

/**
 * One experiment of the source texts, runnable from the command line: it trains through
 * {@link Run#train}, so every epoch is checkpointed and an interrupted run resumes, saves its
 * figures through the run, and returns the numbers that go into {@code metrics.json}.
 */
public interface Experiment {

    /** The name the command line knows it by. */
    String name();

    /** One line: what it trains and what it measures. */
    String summary();

    /** Trains (or resumes) and measures; the returned map is the run's final metrics. */
    Map<String, Object> run(Run run);
}
