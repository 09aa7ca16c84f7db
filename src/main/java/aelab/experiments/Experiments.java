package aelab.experiments;

import java.util.List;
import java.util.Optional;

/** Every experiment the command line can run, in teaching order. */
public final class Experiments {

    private static final List<Experiment> ALL = List.of(new BasicsExperiment(), new SparseExperiment(),
            new VaeExperiment(), new ConvExperiment(), new AaeExperiment(), new SupervisedAaeExperiment(),
            SemiSupervisedExperiment.refined(), SemiSupervisedExperiment.reimplementation(),
            SemiSupervisedExperiment.shifted(), SemiSupervisedExperiment.augmented(), SemiSupervisedExperiment.consistent(),
            SemiSupervisedExperiment.independentStyle(), new AutoencoderGanExperiment(),
            ClusteringExperiment.papers(),
            ClusteringExperiment.shifted(), ClusteringExperiment.augmented(), ClusteringExperiment.decDa(), ClusteringExperiment.heldOut(),
            ClusteringExperiment.adam(),
            ClusteringExperiment.layerwise(), ClusteringExperiment.interpolation());

    private Experiments() {}

    public static List<Experiment> all() {
        return ALL;
    }

    public static Optional<Experiment> find(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(Experiment::name).toList();
    }
}
