package aelab.models.conv;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.nn.CachedLoss;
import aelab.train.History;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The training loop of the conv-autoencoder question as it was written. Each epoch permutes the data
 * (or, before the asker's edit, does not), then walks {@code j = 0, bs, 2·bs, ...} but cuts rows
 * {@code j·bs} to {@code (j+1)·bs}: only the first batch of an epoch holds digits, and the other
 * {@code n/bs - 1} are empty. Adam still steps on an empty batch's zero gradients, moved by its
 * momentum. The loss over all the data is reported every {@code reportEvery} epochs, before that
 * epoch trains, as the question's loop printed it.
 */
public final class AskersLoop {

    /**
     * @param cutAsWritten true cuts rows {@code j·bs..(j+1)·bs} as the question did; false cuts {@code j..j+bs}
     */
    public record Options(int epochs, int batchSize, boolean shuffle, boolean cutAsWritten, int reportEvery,
            long seed) {
        public Options {
            if (epochs < 1 || batchSize < 1 || reportEvery < 1) {
                throw new IllegalArgumentException("epochs, batch size and report interval must be positive; got "
                        + epochs + ", " + batchSize + ", " + reportEvery);
            }
        }

        /** The question's loop: 501 epochs, batches of 1,000, rows cut as written, a report every 100 epochs. */
        public static Options asWritten(boolean shuffle, long seed) {
            return new Options(501, 1000, shuffle, true, 100, seed);
        }

        public Options withEpochs(int newEpochs, int newReportEvery) {
            return new Options(newEpochs, batchSize, shuffle, cutAsWritten, newReportEvery, seed);
        }

        /** Every batch of each epoch holds its own 1,000 digits. */
        public Options cutCorrectly() {
            return new Options(epochs, batchSize, shuffle, false, reportEvery, seed);
        }
    }

    private AskersLoop() {}

    /**
     * MNIST as the question's loader ({@code fetch_mldata('MNIST original')}) gave it: the 60,000 training
     * digits sorted by label, then the 10,000 test digits sorted by label; pixels scaled to [0, 1].
     */
    public static ImageSet mldataOrder(Split mnist) {
        return mnist.train().sortedByLabel().concat(mnist.test().sortedByLabel());
    }

    /**
     * Trains {@code model} on {@code data} with the question's loop. The history has a row per report and
     * one after the last epoch: {@code loss} over {@code scored} (the question scored all of its data),
     * and the steps taken so far on digits and on empty batches.
     */
    public static History run(ConvAutoencoder model, ImageSet data, ImageSet scored, Options o) {
        History history = new History(model.config().name());
        Random random = new Random(o.seed());
        int n = data.size();
        long[] steps = new long[2]; // on digits, on empty batches
        long start = System.nanoTime();
        try (CachedLoss cached = model.cachedLoss().orElse(null); NDManager m = model.manager().newSubManager()) {
            NDArray all = data.toNDArray(m);
            for (int epoch = 0; epoch < o.epochs(); epoch++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.util.concurrent.CancellationException("training stopped: the cell was interrupted");
                }
                if (epoch % o.reportEvery() == 0) {
                    report(history, model, scored, epoch, o.epochs(), steps, start);
                }
                int[] order = o.shuffle() ? ImageSet.permutation(n, random) : null;
                for (int j = 0; j < n; j += o.batchSize()) {
                    long from = o.cutAsWritten() ? (long) j * o.batchSize() : j;
                    long to = Math.min(n, o.cutAsWritten() ? (long) (j + 1) * o.batchSize() : j + o.batchSize());
                    if (from >= to) {
                        model.network().emptyStep();
                        steps[1]++;
                        continue;
                    }
                    try (NDManager step = m.newSubManager()) {
                        NDArray batch = order == null ? all.get(from + ":" + to)
                                : all.get(step.create(java.util.Arrays.copyOfRange(order, (int) from, (int) to)));
                        batch.attach(step);
                        model.step(batch, cached);
                    }
                    steps[0]++;
                }
            }
        }
        report(history, model, scored, o.epochs(), o.epochs(), steps, start);
        return history;
    }

    private static void report(History history, ConvAutoencoder model, ImageSet scored, int epoch, int epochs,
            long[] steps, long start) {
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("loss", model.reconstructionError(scored));
        row.put("steps_on_digits", (double) steps[0]);
        row.put("empty_steps", (double) steps[1]);
        double seconds = (System.nanoTime() - start) / 1e9;
        history.add(epoch, row, seconds - history.totalSeconds());
        System.out.printf("%s epoch %d/%d  loss %.4f  (%d steps on digits, %d on empty batches, %.0f s)%n",
                model.config().name(), epoch, epochs, row.get("loss"), steps[0], steps[1], seconds);
    }
}
