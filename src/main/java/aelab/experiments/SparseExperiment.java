package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Figures;
import aelab.models.dense.DenseAutoencoder;
import aelab.models.dense.DenseAutoencoderConfig;
import aelab.models.Diagnostics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mrquincle's Keras collection's sparse and nonnegative autoencoders: L1 activity (weak and strong), KL sparsity
 * (rho 0.05, beta 3) summed or averaged over units, with and without weight decay 0.003, and the
 * nonnegativity-constrained autoencoder.
 */
public final class SparseExperiment implements Experiment {

    private final String recipe;
    private final List<DenseAutoencoderConfig> configs;
    private final int batch;

    private SparseExperiment(String recipe, List<DenseAutoencoderConfig> configs, int batch) {
        this.recipe = recipe;
        this.configs = configs;
        this.batch = batch;
    }

    /** The seven networks, each penalty on its own, Adam 1e-3 at batch 128. */
    public static SparseExperiment original() {
        return new SparseExperiment(ORIGINAL, List.of(DenseAutoencoderConfig.sparseL1(1e-4f),
                DenseAutoencoderConfig.sparseL1(3e-2f), DenseAutoencoderConfig.sparseKl(0.05f, 3, false, 0),
                DenseAutoencoderConfig.sparseKl(0.05f, 3, true, 0),
                DenseAutoencoderConfig.sparseKl(0.05f, 3, false, 3e-3f),
                DenseAutoencoderConfig.sparseKlKerasDecay(0.05f, 3, 3e-3f), DenseAutoencoderConfig.nonnegative()), 128);
    }

    /** The collection's sparse and nonnegative notebooks exactly as they run: 784-32, ReLU code, batch 256. */
    public static SparseExperiment collection() {
        return new SparseExperiment("collection", List.of(DenseAutoencoderConfig.sparseKlCollectionNoDecay(),
                DenseAutoencoderConfig.sparseKlCollection(),
                DenseAutoencoderConfig.nonnegativeCollection()), 256);
    }

    @Override
    public String name() {
        return "sparse";
    }

    @Override
    public String recipe() {
        return recipe;
    }

    @Override
    public String summary() {
        return ORIGINAL.equals(recipe)
                ? "sparse (L1, KL) and nonnegative autoencoders: test error, mean code, negative-weight share"
                : "the collection's sparse and nonnegative notebooks as written (784-32, ReLU code, batch 256)";
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (DenseAutoencoderConfig config : configs) {
            try (DenseAutoencoder ae = new DenseAutoencoder(config)) {
                String name = config.name();
                run.train(name, ae, run.options(2, 50, batch), (o, l) -> ae.fit(train, o, l));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("test_mse", ae.reconstructionError(test));
                m.put("mean_code", Diagnostics.mean(ae.encode(test)));
                m.put("negative_weight_share", Diagnostics.negativeShare(ae.firstLayerWeights()));
                metrics.put(name, m);
                run.figure(name + "-reconstructions", Figures.reconstructions(test, ae.reconstruct(test.head(12)), 12,
                        name + ": test digits and their reconstructions"));
                run.figure(name + "-weights", Figures.weights(ae.firstLayerWeights(), 28, 32, 8,
                        name + ": first-layer weights"));
            }
        }
        return metrics;
    }
}
