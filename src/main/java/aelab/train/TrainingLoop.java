package aelab.train;

import aelab.data.Batch;
import aelab.data.ImageSet;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The loop every model shares: for each epoch, shuffled mini-batches go through the model's
 * {@link Step} (which may run several networks and optimizers), the loss terms it reports are
 * averaged over the epoch, and listeners see the updated history.
 */
public final class TrainingLoop {

    /** One training step on a batch; returns each loss term's value for that batch. */
    @FunctionalInterface
    public interface Step {
        Map<String, Double> run(Batch batch);
    }

    /**
     * Epochs, batch size, the seed that fixes the order of the batches, whether to print a line
     * per epoch, whether to shuffle at all (false keeps the data's own order every epoch), and the
     * epochs already done when a run resumes from a checkpoint (null for a fresh run): training
     * then goes on from the epoch after them until {@code epochs} in all.
     */
    public record Options(int epochs, int batchSize, long seed, boolean verbose, boolean shuffle, History done) {
        public Options {
            if (epochs < 0 || batchSize <= 0) {
                throw new IllegalArgumentException("need epochs >= 0 and batch size > 0, got " + epochs
                        + " and " + batchSize);
            }
        }

        public Options(int epochs, int batchSize, long seed, boolean verbose, boolean shuffle) {
            this(epochs, batchSize, seed, verbose, shuffle, null);
        }

        public Options(int epochs, int batchSize, long seed, boolean verbose) {
            this(epochs, batchSize, seed, verbose, true);
        }

        public Options(int epochs, int batchSize, long seed) {
            this(epochs, batchSize, seed, true, true);
        }

        /** The same options without shuffling. */
        public Options unshuffled() {
            return new Options(epochs, batchSize, seed, verbose, false, done);
        }

        /** The same options, continuing after the epochs of {@code history}. */
        public Options resumingAfter(History history) {
            return new Options(epochs, batchSize, seed, verbose, shuffle, history);
        }

        /** The same options with the epoch count replaced. */
        public Options withEpochs(int total) {
            return new Options(total, batchSize, seed, verbose, shuffle, done);
        }

        /** The batch order of one epoch: a function of the seed and the epoch alone, so a resumed run sees the same batches. */
        Random order(int epoch) {
            return shuffle ? new Random(seed * 1_000_003L + epoch) : null;
        }
    }

    private TrainingLoop() {}

    /** Trains and returns the per-epoch history. */
    public static History run(String name, ImageSet data, NDManager manager, Options options, Step step,
            List<Consumer<History>> listeners) {
        return run(name, data, manager, options, step, listeners, () -> false);
    }

    /**
     * As {@link #run(String, ImageSet, NDManager, Options, Step, List)}, stopping after the batch
     * at which {@code converged} first answers true (the epoch so far is recorded).
     */
    public static History run(String name, ImageSet data, NDManager manager, Options options, Step step,
            List<Consumer<History>> listeners, BooleanSupplier converged) {
        return run(name, data, manager, options, step, Map::of, listeners, converged);
    }

    /**
     * As {@link #run(String, ImageSet, NDManager, Options, Step, List)}, adding to each epoch's
     * row the terms {@code afterEpoch} measures once the epoch's batches are done (a validation
     * error, say).
     */
    public static History run(String name, ImageSet data, NDManager manager, Options options, Step step,
            Supplier<Map<String, Double>> afterEpoch, List<Consumer<History>> listeners) {
        return run(name, data, manager, options, step, afterEpoch, listeners, () -> false);
    }

    private static History run(String name, ImageSet data, NDManager manager, Options options, Step step,
            Supplier<Map<String, Double>> afterEpoch, List<Consumer<History>> listeners, BooleanSupplier converged) {
        try (NDManager dataManager = manager.newSubManager()) {
            return run(name, data, data.toNDArray(dataManager), manager, options, step, afterEpoch, listeners,
                    converged);
        }
    }

    private static History run(String name, ImageSet data, NDArray images, NDManager manager, Options options,
            Step step, Supplier<Map<String, Double>> afterEpoch, List<Consumer<History>> listeners,
            BooleanSupplier converged) {
        History history = options.done() == null ? new History(name) : options.done().copy(name);
        for (int epoch = history.size() + 1; epoch <= options.epochs(); epoch++) {
            long start = System.nanoTime();
            Map<String, Double> means = epoch(name, data, images, manager, options, step, options.order(epoch), epoch,
                    converged);
            means.putAll(afterEpoch.get());
            double seconds = (System.nanoTime() - start) / 1e9;
            history.add(epoch, means, seconds);
            if (options.verbose()) {
                StringBuilder line = new StringBuilder(String.format("%s epoch %d/%d", name, epoch, options.epochs()));
                means.forEach((k, v) -> line.append(String.format("  %s %.4f", k, v)));
                System.out.println(line.append(String.format("  (%.1f s)", seconds)));
            }
            for (Consumer<History> listener : listeners) {
                listener.accept(history);
            }
            if (converged.getAsBoolean()) {
                if (options.verbose()) {
                    System.out.println(name + ": converged after epoch " + epoch);
                }
                break;
            }
        }
        return history;
    }

    /** One pass over the batches; returns each term's mean over the samples seen. */
    private static Map<String, Double> epoch(String name, ImageSet data, NDArray images, NDManager manager,
            Options options, Step step, Random order, int epoch, BooleanSupplier converged) {
        Map<String, Double> sums = new LinkedHashMap<>();
        int seen = 0;
        int batchIndex = 0;
        long batches = (data.size() + options.batchSize() - 1) / options.batchSize();
        String task = name + " " + epoch + "/" + options.epochs();
        try (Progress progress = Progress.start(options.verbose(), task, batches)) {
            for (Batch batch : data.batches(manager, images, options.batchSize(), order)) {
                try (batch) {
                    for (Map.Entry<String, Double> e : step.run(batch).entrySet()) {
                        if (!Double.isFinite(e.getValue())) {
                            throw new TrainingDivergedException(String.format(
                                    "%s: loss '%s' became %s at epoch %d, batch %d; lower the learning rate or"
                                            + " check the input scaling",
                                    name, e.getKey(), e.getValue(), epoch, batchIndex));
                        }
                        sums.merge(e.getKey(), e.getValue() * batch.size(), Double::sum);
                    }
                    seen += batch.size();
                    batchIndex++;
                    progress.step(divide(sums, seen));
                }
                if (converged.getAsBoolean()) {
                    break;
                }
            }
        }
        return divide(sums, seen);
    }

    private static Map<String, Double> divide(Map<String, Double> sums, int n) {
        Map<String, Double> means = new LinkedHashMap<>();
        sums.forEach((k, v) -> means.put(k, v / n));
        return means;
    }
}
