package aelab.experiments;

import java.util.List;
import java.util.Map;

/**
 * One experiment of the source texts, runnable from the command line: it trains through
 * {@link Run#train}, so every epoch is checkpointed and an interrupted run resumes (an experiment of
 * short runs that are no epoch loops keeps each run's numbers through {@link Run#measure} instead),
 * saves its figures through the run, and returns the numbers that go into {@code metrics.json}.
 */
public interface Experiment {

    /** The name the command line knows it by. */
    String name();

    /** Which of the experiment's named presets this is ({@code --recipe}); the first one listed is the default. */
    default String recipe() {
        return ORIGINAL;
    }

    /** The recipe of an experiment that has only one: the original's settings. */
    String ORIGINAL = "original";

    /** One line: what it trains and what it measures. */
    String summary();

    /**
     * The training stages that {@code --stages} may name: stages that do not depend on one another
     * (and the stage they all start from), so that two processes can train them side by side in one
     * run directory. Empty for experiments whose stages run in a chain.
     */
    default List<String> separableStages() {
        return List.of();
    }

    /**
     * Why this experiment cannot run on {@code dataset} (a --dataset name), or null when it can. Only the
     * clustering experiments, which use no held-out set, take MNIST-test alone.
     */
    default String datasetProblem(String dataset) {
        return "mnist-test".equals(dataset) ? "--dataset mnist-test is for the clustering experiments (they use no"
                + " held-out set); use --dataset mnist" : null;
    }

    /**
     * Why the run's data, though valid, holds too little for this experiment in the run's mode, or null
     * when it is enough. Checked before the run writes anything.
     */
    default String dataProblem(Run run) {
        return null;
    }

    /** Trains (or resumes) and measures; the returned map is the run's final metrics. */
    Map<String, Object> run(Run run);
}
