package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Figures;
import aelab.models.conv.ConvAutoencoder;
import aelab.models.Diagnostics;
import aelab.train.History;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conv-autoencoder question: the convolutional autoencoder that gives every digit the same code (sigmoids,
 * truncated-normal kernels, Adam 1e-4, batches of 1,000 sorted by label) beside the fixed one
 * (ReLU, Xavier, Adam 1e-3, shuffled batches of 128).
 */
public final class ConvExperiment implements Experiment {

    @Override
    public String name() {
        return "conv";
    }

    @Override
    public String summary() {
        return "convolutional autoencoder, failing and fixed: test reconstruction error and code variance";
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        // sorted by label, as the asker's data came: each batch holds one or two classes
        ImageSet sorted = train.sortedByLabel();
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (ConvAutoencoder failing = new ConvAutoencoder(ConvAutoencoder.Config.failing())) {
            History h = run.train("failing", failing, run.options(2, 40, 1000).unshuffled(),
                    (o, l) -> failing.fit(sorted, o, l));
            metrics.put("failing", scores(run, failing, test, h));
        }
        try (ConvAutoencoder fixed = new ConvAutoencoder(ConvAutoencoder.Config.working())) {
            History h = run.train("fixed", fixed, run.options(2, 40, 128), (o, l) -> fixed.fit(train, o, l));
            metrics.put("fixed", scores(run, fixed, test, h));
        }
        return metrics;
    }

    private static Map<String, Object> scores(Run run, ConvAutoencoder model, ImageSet test, History h) {
        String name = model.config().name();
        run.figure(name + "-reconstructions", Figures.reconstructions(test, model.reconstruct(test.head(14)), 14,
                name + ": test digits and their reconstructions"));
        run.figure(name + "-codes", Figures.matrix(model.encode(test.head(30)), 10,
                name + ": codes of 30 test digits (rows) by unit"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test_mse", model.reconstructionError(test));
        m.put("code_variance_sum", Arrays.stream(Diagnostics.columnVariance(model.encode(test))).sum());
        m.put("epochs", h.size());
        return m;
    }
}
