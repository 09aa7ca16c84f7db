package aelab.models.conv;

import aelab.models.Activation;
import aelab.models.Diagnostics;

import aelab.data.ImageSet;
import aelab.train.TrainingLoop;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The conv-autoencoder question answered one change at a time: the asker's convolutional autoencoder on
 * label-sorted batches, then shuffled batches, ReLU, Xavier kernels, and Adam 1e-3 with batches
 * of 128, each step keeping the ones before it; the test error and code variance after each.
 */
public final class ConvFixes {

    /** One row of the table: what changed, the network, whether batches are shuffled, the batch size. */
    public record Step(String change, ConvAutoencoder.Config config, boolean shuffle, int batch) {}

    /** The table and the network of its last row (every change made). */
    public record Outcome(Table table, ConvAutoencoder fixed) {}

    private ConvFixes() {}

    public static List<Step> steps() {
        var base = ConvAutoencoder.Config.failing();
        return List.of(new Step("as asked (sorted data)", base, false, 1000),
                new Step("+ shuffled batches", base, true, 1000),
                new Step("+ ReLU activations", base.with("conv-relu", Activation.RELU,
                        ConvAutoencoder.Init.TRUNCATED_NORMAL, 1e-4f), true, 1000),
                new Step("+ Xavier initialisation", base.with("conv-xavier", Activation.RELU,
                        ConvAutoencoder.Init.XAVIER, 1e-4f), true, 1000),
                new Step("+ learning rate 1e-3, batch 128", ConvAutoencoder.Config.working(), true, 128));
    }

    /**
     * Trains every step after the first for {@code epochs} on {@code train} (shuffled) or
     * {@code sorted} (its images sorted by label) and scores each on {@code test}; {@code failing}
     * is the first step's network, already trained. The networks in between are closed.
     */
    public static Outcome oneAtATime(ConvAutoencoder failing, ImageSet train, ImageSet sorted, ImageSet test,
            int epochs, long seed, String title) {
        Table table = Table.create(title).addColumns(StringColumn.create("change"),
                DoubleColumn.create("test MSE per pixel"), DoubleColumn.create("code variance (sum over units)"));
        ConvAutoencoder last = null;
        for (Step s : steps()) {
            if (last != null && last != failing) {
                last.close();
            }
            ConvAutoencoder m = last == null ? failing : new ConvAutoencoder(s.config());
            if (m != failing) {
                var o = new TrainingLoop.Options(epochs, s.batch(), seed, false);
                m.fit(s.shuffle() ? train : sorted, s.shuffle() ? o : o.unshuffled());
            }
            table.stringColumn(0).append(s.change());
            table.doubleColumn(1).append(m.reconstructionError(test));
            table.doubleColumn(2).append(Arrays.stream(Diagnostics.columnVariance(m.encode(test))).sum());
            last = m;
        }
        return new Outcome(table, last);
    }
}
