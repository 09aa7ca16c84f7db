package aelab.models;

import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A training run twice from the same seed: with the cached MXNet graph (first), then layer by layer. */
public final class BothSteps {

    private BothSteps() {}

    /** The two runs' results; {@code training} is told whether the cached graph may be used. */
    public static <T> List<T> run(int seed, Function<Boolean, T> training) {
        List<T> out = new ArrayList<>();
        for (boolean cached : new boolean[] {true, false}) {
            System.setProperty("aelab.cachedGraphs", String.valueOf(cached));
            Engine.getInstance().setRandomSeed(seed);
            try {
                out.add(training.apply(cached && aelab.Engines.onMxnet()));
            } finally {
                System.clearProperty("aelab.cachedGraphs");
            }
        }
        return out;
    }
}
