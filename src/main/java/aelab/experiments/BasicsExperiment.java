package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Charts;
import aelab.figures.Figures;
import aelab.metrics.TSne;
import aelab.models.dense.DenseAutoencoder;
import aelab.models.dense.DenseAutoencoderConfig;
import aelab.models.Diagnostics;
import aelab.train.History;
import java.util.LinkedHashMap;
import java.util.Map;

/** Mrquincle's Keras collection's first model: a dense autoencoder with a 32-number code, trained on BCE. */
public final class BasicsExperiment implements Experiment {

    @Override
    public String name() {
        return "basics";
    }

    @Override
    public String summary() {
        return "autoencoder with a 32-unit code: reconstructions, two code units against a t-SNE of the codes";
    }

    /** t-SNE at perplexity 30 needs at least 3 x 30 + 2 points. */
    static final int TSNE_MINIMUM = 92;

    @Override
    public String dataProblem(Run run) {
        int n = run.data().test().size();
        return n < TSNE_MINIMUM ? "its test set holds " + n + " images, and the t-SNE of the test codes needs at least "
                + TSNE_MINIMUM : null;
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (DenseAutoencoder ae = new DenseAutoencoder(DenseAutoencoderConfig.basic32())) {
            History h = run.train("autoencoder", ae, run.options(3, 50, 128), (o, l) -> ae.fit(train, o, l));
            metrics.put("train_bce_first_epoch", h.values("bce")[0]);
            metrics.put("train_bce_last_epoch", h.last("bce"));
            metrics.put("test_mse", ae.reconstructionError(test));
            metrics.put("epochs", h.size());
            run.figure("loss", Charts.lossCurves(h, false));
            run.figure("reconstructions", Figures.reconstructions(test, ae.reconstruct(test.head(16)), 16,
                    "test digits and their reconstructions from a 32-number code"));
            ImageSet shown = test.head(run.mode().pick(500, 2000));
            float[][] codes = ae.encode(shown);
            int[] units = Diagnostics.mostVaried(codes, 2);
            run.figure("two-code-units", Charts.scatter(Diagnostics.columns(codes, units), shown.labels(),
                    "two code units of the test digits", "unit " + units[0], "unit " + units[1]));
            run.figure("tsne", Charts.scatter(TSne.embed(codes, 30, run.mode().pick(300, 1000), run.seed()),
                    shown.labels(), "t-SNE of the 32-number codes", "t-SNE 1", "t-SNE 2"));
        }
        return metrics;
    }
}
