package aelab.models.conv;

import aelab.data.ImageSet;
import aelab.models.Activation;
import aelab.models.Diagnostics;
import aelab.train.History;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The conv-autoencoder question answered defect by defect: the asker's network and loop as written
 * ({@link AskersLoop}), unshuffled and shuffled, then each defect mended on its own, then all of them.
 * A run whose batches are cut correctly gets as many steps on digits as the loop as written took.
 */
public final class ConvFixes {

    /** One run: what it changes, the network, whether the data is shuffled, whether batches are cut as written. */
    public record Step(String change, ConvAutoencoder.Config config, boolean shuffle, boolean cutAsWritten) {}

    /** A trained step and its history (the loss over the data at each report). */
    public record Trained(Step step, ConvAutoencoder model, History history) {}

    private static final ConvAutoencoder.Config ASKED = ConvAutoencoder.Config.failing();

    /** The question's code as first run: the data in the loader's order, sorted by label. */
    public static final Step AS_WRITTEN = new Step("as written, unshuffled", ASKED, false, true);

    /** The question's code after the asker's edit: each epoch permutes the data. */
    public static final Step SHUFFLED = new Step("as written, shuffled", ASKED, true, true);

    /** Every defect mended: batches cut correctly, Xavier kernels, ReLU, Adam 1e-3. */
    public static final Step ALL_MENDED = new Step("shuffled, all four mended",
            ConvAutoencoder.Config.working().with("conv-mended", Activation.RELU, ConvAutoencoder.Init.XAVIER, 1e-3f),
            true, false);

    private ConvFixes() {}

    /** From the shuffled code, the sigmoids replaced by ReLU: the one defect whose mending alone makes it learn. */
    public static final Step RELU = new Step("shuffled, ReLU", ASKED.with("conv-relu", Activation.RELU,
            ConvAutoencoder.Init.TRUNCATED_NORMAL, 1e-4f), true, true);

    /** From the shuffled code, each defect mended alone, then all four. */
    public static List<Step> mended() {
        return List.of(new Step("shuffled, batches cut correctly", ASKED, true, false),
                new Step("shuffled, Xavier kernels", ASKED.with("conv-xavier", Activation.SIGMOID,
                        ConvAutoencoder.Init.XAVIER, 1e-4f), true, true),
                RELU,
                new Step("shuffled, Adam 1e-3", ASKED.with("conv-adam-1e-3", Activation.SIGMOID,
                        ConvAutoencoder.Init.TRUNCATED_NORMAL, 1e-3f), true, true),
                ALL_MENDED);
    }

    /**
     * Trains {@code step}'s network on {@code data} with the question's loop for {@code epochs} as
     * written; a step whose batches are cut correctly trains for as many epochs as give at least that
     * many steps on digits. Losses are reported {@code reports} times, over {@code scored}.
     */
    public static Trained train(Step step, ImageSet data, ImageSet scored, int epochs, int reports, long seed) {
        AskersLoop.Options o = AskersLoop.Options.asWritten(step.shuffle(), seed);
        int batchesPerEpoch = (data.size() + o.batchSize() - 1) / o.batchSize();
        int e = step.cutAsWritten() ? epochs : (epochs + batchesPerEpoch - 1) / batchesPerEpoch;
        o = o.withEpochs(e, Math.max(1, (e - 1) / Math.max(1, reports - 1)));
        if (!step.cutAsWritten()) {
            o = o.cutCorrectly();
        }
        ConvAutoencoder model = new ConvAutoencoder(step.config());
        return new Trained(step, model, AskersLoop.run(model, data, scored, o));
    }

    /** One row per run: steps on digits, loss over {@code scored}, and how much outputs and codes vary across it. */
    public static Table table(List<Trained> runs, ImageSet scored, String title) {
        Table table = Table.create(title).addColumns(StringColumn.create("run"), DoubleColumn.create("steps on digits"),
                DoubleColumn.create("loss (MSE per pixel)"), DoubleColumn.create("output variance across digits"),
                DoubleColumn.create("code variance across digits"));
        for (Trained t : runs) {
            table.stringColumn(0).append(t.step().change());
            table.doubleColumn(1).append(t.history().last("steps_on_digits"));
            table.doubleColumn(2).append(t.model().reconstructionError(scored));
            table.doubleColumn(3).append(spread(t.model().reconstruct(scored)));
            table.doubleColumn(4).append(spread(t.model().encode(scored)));
        }
        return table;
    }

    /** Summed over columns, the variance across rows: near 0 when every row is the same. */
    public static double spread(float[][] rows) {
        return Arrays.stream(Diagnostics.columnVariance(rows)).sum();
    }
}
