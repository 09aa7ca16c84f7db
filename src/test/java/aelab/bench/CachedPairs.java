package aelab.bench;

import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.train.History;
import aelab.train.TrainingLoop;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The throughput benchmark's models with and without their cached MXNet graphs, in one process:
 * two copies of a model train one epoch each in turn, one with {@code aelab.cachedGraphs} on and
 * one with it off, so both meet the same machine state; round 0 warms up. Separate processes moved
 * by up to 20% between identical runs on the project's virtual machines, which is more than some of
 * the gains to be measured. Run: {@code java ... aelab.bench.CachedPairs [model|all] [rounds] [samples]}.
 */
public final class CachedPairs {

    private CachedPairs() {}

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 3200;
        Lab.start(1, Mode.FULL);
        ImageSet data = Mnist.load().train().head(samples);
        for (String model : ThroughputBenchmark.FLOPS_PER_SAMPLE.keySet()) {
            if (which.equals("all") || which.equals(model)) {
                compare(model, data, rounds);
            }
        }
    }

    private static void compare(String model, ImageSet data, int rounds) {
        @SuppressWarnings("unchecked")
        BiFunction<TrainingLoop.Options, Consumer<History>, History>[] fits = new BiFunction[] {
            ThroughputBenchmark.trainer(model, data), ThroughputBenchmark.trainer(model, data)};
        double[] seconds = new double[2];
        for (int r = 0; r <= rounds; r++) {
            for (int k = 0; k < 2; k++) {
                System.setProperty("aelab.cachedGraphs", String.valueOf(k == 0));
                long start = System.nanoTime();
                fits[k].apply(new TrainingLoop.Options(1, ThroughputBenchmark.BATCH.get(model), r, false), h -> { });
                if (r > 0) {
                    seconds[k] += (System.nanoTime() - start) / 1e9;
                }
            }
        }
        System.clearProperty("aelab.cachedGraphs");
        System.out.printf("RESULT %s cached_samples_per_s=%.0f layered_samples_per_s=%.0f speedup=%.2f%n", model,
                data.size() * rounds / seconds[0], data.size() * rounds / seconds[1], seconds[1] / seconds[0]);
    }
}
