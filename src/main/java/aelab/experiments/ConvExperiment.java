package aelab.experiments;

import aelab.Mode;
import aelab.data.ImageSet;
import aelab.figures.Figures;
import aelab.models.conv.AskersLoop;
import aelab.models.conv.ConvFixes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The conv-autoencoder question: the asker's network and training loop as written (sigmoids, truncated-normal
 * kernels, Adam 1e-4, batches of 1,000 cut past the data after the first, MNIST in its loader's label-sorted
 * order), unshuffled and shuffled, then each defect mended alone and all together. Each run is measured once
 * and kept, so a stopped run resumes at the next.
 */
public final class ConvExperiment implements Experiment {

    @Override
    public String name() {
        return "conv";
    }

    @Override
    public String summary() {
        return "the failing conv autoencoder as written, then each defect mended: loss and output variance";
    }

    @Override
    public Map<String, Object> run(Run run) {
        ImageSet all = AskersLoop.mldataOrder(run.data());
        // quick mode: every 14th digit, still in the loader's order
        ImageSet digits = run.mode() == Mode.QUICK
                ? all.select(IntStream.range(0, all.size()).filter(i -> i % 14 == 0).toArray()) : all;
        int epochs = run.epochs(21, 501);
        List<ConvFixes.Step> steps = new ArrayList<>(List.of(ConvFixes.AS_WRITTEN, ConvFixes.SHUFFLED));
        steps.addAll(ConvFixes.mended());
        ImageSet shown = digits.select(IntStream.range(0, 10).map(k -> k * digits.size() / 10).toArray());
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (ConvFixes.Step step : steps) {
            metrics.put(step.change(), run.measure(step.change(), () -> {
                ConvFixes.Trained t = ConvFixes.train(step, digits, digits, epochs, 6, run.seed());
                try (var model = t.model()) {
                    run.figure(step.change().replaceAll("[^a-z0-9]+", "-"), Figures.reconstructions(shown,
                            model.reconstruct(shown), 10, step.change() + ": digits and their reconstructions"));
                    var row = ConvFixes.table(List.of(t), digits, step.change()).row(0);
                    Map<String, Double> m = new LinkedHashMap<>();
                    m.put("steps_on_digits", row.getDouble(1));
                    m.put("loss", row.getDouble(2));
                    m.put("output_variance", row.getDouble(3));
                    m.put("code_variance", row.getDouble(4));
                    m.put("seconds", t.history().totalSeconds());
                    return m;
                }
            }));
        }
        metrics.put("epochs_as_written", epochs);
        metrics.put("digits", digits.size());
        return metrics;
    }
}
