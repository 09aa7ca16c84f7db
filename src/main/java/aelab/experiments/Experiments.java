package aelab.experiments;

import java.util.List;
import java.util.Optional;

/**
 * Every experiment the command line can run, in teaching order: one per lesson, each with its named
 * recipes (presets), the default first.
 */
public final class Experiments {

    private static final List<Experiment> ALL = List.of(new BasicsExperiment(), SparseExperiment.original(), SparseExperiment.collection(),
            new VaeExperiment(), new ConvExperiment(), new AaeExperiment(), new SupervisedAaeExperiment(),
            SemiSupervisedExperiment.refined(), SemiSupervisedExperiment.augmented(), SemiSupervisedExperiment.consistent(),
            new AutoencoderGanExperiment(),
            ClusteringExperiment.papers(), ClusteringExperiment.augmented(), ClusteringExperiment.decDa(),
            ClusteringExperiment.heldOut(), ClusteringExperiment.layerwise());

    private Experiments() {}

    /** Every recipe of every experiment. */
    public static List<Experiment> all() {
        return ALL;
    }

    /** The experiment's default recipe. */
    public static Optional<Experiment> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** One recipe of an experiment; null recipe: the default. */
    public static Optional<Experiment> find(String name, String recipe) {
        return recipe == null ? find(name)
                : ALL.stream().filter(e -> e.name().equals(name) && e.recipe().equals(recipe)).findFirst();
    }

    /** The experiments' names, each once. */
    public static List<String> names() {
        return ALL.stream().map(Experiment::name).distinct().toList();
    }

    /** The recipes of one experiment, the default first. */
    public static List<String> recipes(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).map(Experiment::recipe).toList();
    }
}
