package aelab.experiments;

import aelab.Mode;
import aelab.Results;
import aelab.data.ImageSet;
import aelab.figures.Charts;
import aelab.figures.Heatmap;
import aelab.metrics.Clustering;
import aelab.metrics.KMeans;
import aelab.models.clustering.DeepClustering;
import aelab.models.clustering.DeepClusteringConfig;
import aelab.train.History;
import aelab.train.TrainingLoop;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The ADEC question: k-means on pixels, then the stacked autoencoder pre-trained once and shared by DEC,
 * IDEC and ADEC, each starting from k-means on its codes. The images are MNIST-test's 10,000
 * ({@code --dataset mnist-test}) or all 70,000 of a data set, as the papers use them; labels are
 * used only to score.
 */
public final class ClusteringExperiment implements Experiment {

    /** Pixels each way by which the augmented recipes move their images at random (DEC-DA's augmentation). */
    static final int SHIFT = 3;

    /** Degrees either way by which the augmented recipes also turn their images (DEC-DA's rotation_range). */
    static final double ROTATION = 10;

    private final String recipe;
    private final String summary;
    private final int shift;
    private final double rotation;
    private final DeepClusteringConfig.Pretraining pretraining;
    /** Full mode's pre-training epochs on 10,000 images (fewer on more, for the same steps). */
    private final int pretrainEpochs;
    /** IDEC's fine-tuning rate; 0: the IDEC paper's (its preset's). */
    private final float idecRate;
    /** Whether the autoencoder learns from the training images and the test images are clustered. */
    private final boolean heldOut;

    private ClusteringExperiment(String recipe, String summary, int shift, double rotation,
            DeepClusteringConfig.Pretraining pretraining, int pretrainEpochs, float idecRate, boolean heldOut) {
        this.recipe = recipe;
        this.summary = summary;
        this.shift = shift;
        this.rotation = rotation;
        this.pretraining = pretraining;
        this.pretrainEpochs = pretrainEpochs;
        this.idecRate = idecRate;
        this.heldOut = heldOut;
    }

    /** The papers' recipe: DEC-keras's SGD pre-training on the images as they are. */
    public static ClusteringExperiment papers() {
        return new ClusteringExperiment("papers", "k-means on pixels, AE + k-means, DEC, IDEC and ADEC: ACC,"
                + " NMI (both normalisations), ARI", 0, 0, DeepClusteringConfig.Pretraining.decKeras(), 200, 0f, false);
    }

    /**
     * DEC-DA's augmentation with the papers' other settings: digits shifted by up to {@value #SHIFT} pixels
     * and turned by up to {@value #ROTATION} degrees, in pre-training and fine-tuning (ours, after DEC-DA).
     */
    public static ClusteringExperiment augmented() {
        return new ClusteringExperiment("augmented", "pre-trained and fine-tuned on digits shifted by up to " + SHIFT
                + " pixels and turned by up to " + (int) ROTATION + " degrees (DEC-DA's augmentation)",
                SHIFT, ROTATION, DeepClusteringConfig.Pretraining.decKeras(), 200, 0f, false);
    }

    /**
     * DEC-DA's settings for its fully connected network, from its code ({@code run_exp.py}, {@code main.py}):
     * {@link #augmented()}'s digits, {@value #DEC_DA_PRETRAIN_EPOCHS} pre-training epochs, and IDEC
     * (DEC-DA's FcIDEC-DA) fine-tuned by SGD at rate {@value #DEC_DA_IDEC_RATE}, not the IDEC paper's 0.01.
     * DEC keeps 0.01 as DEC-DA's FcDEC-DA does; ADEC, which DEC-DA lacks, keeps its paper's 0.001.
     */
    public static ClusteringExperiment decDa() {
        return new ClusteringExperiment("dec-da", "DEC-DA's recipe: the augmented digits, "
                + DEC_DA_PRETRAIN_EPOCHS + " pre-training epochs, IDEC fine-tuned by SGD at rate "
                + DEC_DA_IDEC_RATE, SHIFT, ROTATION, DeepClusteringConfig.Pretraining.decKeras(),
                DEC_DA_PRETRAIN_EPOCHS, DEC_DA_IDEC_RATE, false);
    }

    /**
     * The papers' recipe with the autoencoder pre-trained on MNIST's 60,000 training digits, as the DEC
     * paper's code pre-trains its MNIST autoencoder, for DEC-keras's MNIST budget; k-means, DEC, IDEC
     * and ADEC then cluster the 10,000 test digits, which pre-training never saw.
     */
    public static ClusteringExperiment heldOut() {
        return new ClusteringExperiment("heldout", "the autoencoder pre-trained on the 60,000 training"
                + " digits (DEC-keras's MNIST budget), the 10,000 test digits clustered", 0, 0,
                DeepClusteringConfig.Pretraining.decKeras(), DEC_KERAS_MNIST_EPOCHS, 0f, true);
    }

    /** DEC-keras's MNIST pre-training, 300 epochs of 70,000 (about 82,000 steps), as epochs of 10,000. */
    static final int DEC_KERAS_MNIST_EPOCHS = 2_100;

    /** DEC-DA's pre-training epochs for every data set (its {@code --pretrain-epochs}). */
    static final int DEC_DA_PRETRAIN_EPOCHS = 500;

    /** DEC-DA's SGD rate for fine-tuning FcIDEC-DA (momentum 0.9, as every SGD here). */
    static final float DEC_DA_IDEC_RATE = 1.0f;

    /**
     * The DEC paper's pre-training: each layer first trained alone as a denoising autoencoder, then the
     * whole stack end to end (see {@link DeepClusteringConfig.Pretraining#decPaper()}).
     */
    public static ClusteringExperiment layerwise() {
        return new ClusteringExperiment("layerwise", "pre-trained as the DEC paper does: layer by layer as"
                + " denoising autoencoders (dropout 0.2), then end to end", 0, 0,
                DeepClusteringConfig.Pretraining.decPaper(), 200, 0f, false);
    }

    @Override
    public String name() {
        return "clustering";
    }

    @Override
    public String recipe() {
        return recipe;
    }

    @Override
    public String summary() {
        return summary;
    }

    /** Full mode's pre-training epochs on 10,000 images. */
    int pretrainEpochs() {
        return pretrainEpochs;
    }

    /** The pre-training, then the three methods, each of which needs only the pre-training. */
    @Override
    public List<String> separableStages() {
        return pretraining.greedy() ? List.of("greedy", "pretrain", "dec", "idec", "adec")
                : List.of("pretrain", "dec", "idec", "adec");
    }

    /**
     * A method's preset with this experiment's k-means restarts, shifts and pre-training recipe, and
     * the originals' update interval of P for {@code images} images.
     */
    DeepClusteringConfig configured(DeepClusteringConfig preset, int restarts, int images) {
        DeepClusteringConfig.Builder b = preset.toBuilder();
        if (idecRate > 0 && preset.method() == DeepClustering.Method.IDEC) {
            b.clusterRate(idecRate);
        }
        return b.kmeansRestarts(restarts).pretrainShift(shift).tuneShift(shift).rotation(rotation)
                .pretraining(pretraining).updateInterval(DeepClusteringConfig.updateIntervalFor(images)).build();
    }

    /**
     * Epochs per layer of the greedy stage on 10,000 images (4,000 steps; the DEC paper trains each
     * layer for 50,000 iterations on 70,000, more than this project's machines give a run).
     */
    static final int GREEDY_EPOCHS = 100;

    /** DEC-keras's cap on fine-tuning iterations (its maxiter). */
    static final int MAX_TUNING_ITERATIONS = 20_000;

    /** Epochs on {@code n} images that take as many steps as {@code epochs} on 10,000. */
    static int perSize(int epochs, int n) {
        return Math.max(1, (int) Math.round(epochs * 10_000.0 / n));
    }

    /** Epochs of {@code n} images in batches of {@code batch} that hold DEC-keras's 20,000 fine-tuning iterations. */
    static int tuningEpochs(int n, int batch) {
        int batches = (n + batch - 1) / batch;
        return (MAX_TUNING_ITERATIONS + batches - 1) / batches;
    }

    /** Why this experiment cannot cluster {@code dataset}, or null when it can. */
    @Override
    public String datasetProblem(String dataset) {
        return heldOut && !"mnist-test".equals(dataset) ? "the heldout recipe pre-trains on the training digits and clusters"
                + " the 10,000 test digits; use --dataset mnist-test" : null;
    }

    @Override
    public Map<String, Object> run(Run run) {
        String problem = datasetProblem(run.settings().dataset());
        if (problem != null) {
            throw new Run.RunException(problem);
        }
        ImageSet images = run.sized(run.clusteringImages(), 2000);
        ImageSet learnt = heldOut ? run.sized(run.data().train(), 2000) : images;
        run.log("clustering " + images.size() + " images" + (heldOut ? ", pre-training on " + learnt.size()
                + " others" : ""));
        int[] labels = images.labels();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("images", images.size());
        if (heldOut) {
            metrics.put("pretraining_images", learnt.size());
        }
        metrics.put("pretraining", pretraining.name());
        metrics.put("update_interval", DeepClusteringConfig.updateIntervalFor(images.size()));

        metrics.put("kmeans_pixels", run.measure("kmeans_pixels", () -> {
            float[][] pixels = new float[images.size()][];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = images.image(i);
            }
            return Clustering.scores(KMeans.fit(pixels, 10, run.mode().pick(1, 10), 100, run.seed()).assignments(),
                    labels);
        }));

        int restarts = run.mode().pick(3, 20);
        // full mode: a fixed budget of optimizer steps (that of 200 pre-training epochs on 10,000 images,
        // 8,000 steps; DEC-DA's 500, 20,000 steps), so a larger set such as Fashion-MNIST's 70,000 gets
        // fewer epochs; fine-tuning stops when under 0.1% of assignments change, else after DEC-keras's
        // 20,000 iterations (also when --epochs asks for more)
        TrainingLoop.Options pretrainOptions = run.options(4, perSize(pretrainEpochs, learnt.size()), 256);
        int tuningCap = tuningEpochs(images.size(), 256);
        TrainingLoop.Options tuning = run.options(3, tuningCap, 256);
        if (run.mode() == Mode.FULL) {
            tuning = tuning.withEpochs(Math.min(tuning.epochs(), tuningCap));
        }
        // the autoencoder is pre-trained once; each method then loads its final weights
        try (DeepClustering model = new DeepClustering(configured(DeepClusteringConfig.dec(), restarts, images.size()))) {
            if (pretraining.greedy()) {
                // the greedy stage: GREEDY_EPOCHS per layer (on 10,000 images; fewer on more), lowest layer first
                int layers = model.config().sizes().length - 1;
                History greedy = run.train("greedy", model, run.options(layers, layers * perSize(GREEDY_EPOCHS,
                        learnt.size()), 256), (o, l) -> model.pretrainGreedy(learnt, o, l));
                run.figure("greedy-loss", Charts.curves(greedy, List.of("mse"), "greedy pre-training: each layer's"
                        + " denoising error, lowest layer first", "mean squared error", true));
            }
            History pretrain = run.train("pretrain", model, pretrainOptions, (o, l) -> model.pretrain(learnt, o, l));
            run.figure("pretrain-loss", Charts.lossCurves(pretrain, true));
            metrics.put("ae_kmeans", run.measure("ae_kmeans", () -> Clustering.scores(
                    model.initialiseCentres(images, run.seed()), labels)));
            metrics.put("code_norm", run.measure("code_norm", () -> Map.of("mean",
                    model.meanCodeNorm(images))).get("mean"));
        }
        for (DeepClusteringConfig base : List.of(DeepClusteringConfig.dec(), DeepClusteringConfig.idec(),
                DeepClusteringConfig.adec())) {
            String stage = base.name();
            if (run.skips(stage)) {
                continue;
            }
            run.seedEngine(stage);
            try (DeepClustering model = new DeepClustering(configured(base, restarts, images.size()))) {
                run.train("pretrain", model, pretrainOptions, (o, l) -> model.pretrain(learnt, o, l));
                model.initialiseCentres(images, run.seed());
                DeepClusteringConfig config = model.config();
                History h = run.train(stage, model, tuning, (o, l) -> model.cluster(images, o, l));
                int[] predicted = model.predict(images);
                Map<String, Object> scores = new LinkedHashMap<>(Clustering.scores(predicted, labels));
                scores.put("epochs", h.size());
                metrics.put(stage, scores);
                run.log(stage + ": " + scores);
                run.figure(stage + "-confusion", Heatmap.confusion(predicted, labels,
                        stage.toUpperCase() + ": clusters against true labels"));
                // ADEC's adversarial term is a log-likelihood, below zero: no log scale for it
                run.figure(stage + "-loss", Charts.curves(h, DeepClustering.lossTerms(h),
                        stage + ": training", "mean over the epoch",
                        config.method() != DeepClustering.Method.ADEC));
                run.figure(stage + "-changed", Charts.curves(h, List.of(DeepClustering.CHANGED),
                        stage + ": assignments changed at the latest update of P", "share of images", false));
            }
        }
        return metrics;
    }

    /**
     * Finished clustering runs side by side, one row each: the pre-training recipe, the mean code
     * norm it left, the AE + k-means start, and DEC's, IDEC's and ADEC's ACC with DEC's gain over
     * that start. For comparing recipes from committed runs without training them again.
     */
    public static Table recipes(Path... runs) {
        Table table = Table.create("clustering runs compared (ACC)").addColumns(StringColumn.create("run"),
                StringColumn.create("pre-training"), DoubleColumn.create("mean code norm"),
                DoubleColumn.create("AE + k-means"), DoubleColumn.create("DEC"), DoubleColumn.create("DEC gain"),
                DoubleColumn.create("IDEC"), DoubleColumn.create("ADEC"));
        for (Path dir : runs) {
            Map<String, Object> m = Run.finishedMetrics(dir);
            double start = accuracy(m, "ae_kmeans", dir);
            double dec = accuracy(m, "dec", dir);
            if (!(m.get("code_norm") instanceof Number norm)) {
                throw new Run.RunException(dir + "/metrics.json has no code_norm: it is not a finished clustering run");
            }
            table.stringColumn(0).append(dir.getFileName().toString());
            table.stringColumn(1).append(String.valueOf(m.get("pretraining")));
            table.doubleColumn(2).append(norm.doubleValue());
            table.doubleColumn(3).append(start);
            table.doubleColumn(4).append(dec);
            table.doubleColumn(5).append(dec - start);
            table.doubleColumn(6).append(accuracy(m, "idec", dir));
            table.doubleColumn(7).append(accuracy(m, "adec", dir));
        }
        return Results.fourDigits(table);
    }

    private static double accuracy(Map<String, Object> metrics, String method, Path dir) {
        if (!(metrics.get(method) instanceof Map<?, ?> scores) || !(scores.get("acc") instanceof Number acc)) {
            throw new Run.RunException(dir + "/metrics.json has no " + method + " accuracy: it is not a finished"
                    + " clustering run");
        }
        return acc.doubleValue();
    }
}
