package aelab.models.clustering;

import aelab.models.Rows;

import aelab.data.ImageSet;
import aelab.data.Shifts;
import aelab.losses.Losses;
import aelab.metrics.Clustering;
import aelab.metrics.KMeans;
import aelab.nn.CachedLoss;
import aelab.nn.ClusteringLayer;
import aelab.nn.Scalars;
import aelab.train.Checkpoint;
import aelab.train.Checkpointed;
import aelab.train.History;
import aelab.train.Network;
import aelab.train.Sgd;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Deep embedded clustering on a stacked autoencoder: pre-train the autoencoder on MSE, put
 * cluster centres on its codes with k-means, then fine-tune the encoder and centres to minimise
 * KL(P || Q), where Q is the Student's t soft assignment and P the sharpened target, computed
 * over the whole data set every {@code updateInterval} batches and held fixed in between.
 * IDEC adds the reconstruction loss; ADEC adds an image discriminator, the encoder trying to make
 * reconstructions pass for real images while the decoder trains on MSE alone.
 */
public final class DeepClustering implements AutoCloseable, Checkpointed {

    public enum Method { DEC, IDEC, ADEC }

    /** The fine-tuning history's share of assignments that changed at the latest update of P (not a loss). */
    public static final String CHANGED = "changed";

    /** The terms of a fine-tuning history that are losses (all but {@link #CHANGED}). */
    public static List<String> lossTerms(History history) {
        return history.termNames().stream().filter(t -> !t.equals(CHANGED)).toList();
    }

    private final DeepClusteringConfig config;
    private final NDManager manager;
    private final StackedAutoencoder autoencoder;
    private final Network encoder;
    private final Network decoder;
    private final ClusteringLayer clusteringLayer;
    private final Network clusterer;
    private final Network encoderTuning;
    private final Network decoderTuning;
    private final AdecCritic critic;

    public DeepClustering(DeepClusteringConfig config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        this.autoencoder = new StackedAutoencoder(config, manager);
        this.encoder = autoencoder.encoder();
        this.decoder = autoencoder.decoder();
        int[] s = config.sizes();
        int code = s[s.length - 1];
        clusteringLayer = new ClusteringLayer(config.clusters(), 1f);
        clusterer = new Network("centres", clusteringLayer, tuningOptimizer(config.clusterRate()), manager, new Shape(1, code));
        encoderTuning = encoder.withOptimizer("encoder-tuning", tuningOptimizer(config.clusterRate()));
        decoderTuning = decoder.withOptimizer("decoder-tuning", tuningOptimizer(config.clusterRate()));
        critic = new AdecCritic(s[0], manager);
    }

    /** Fine-tuning's optimizer: SGD with momentum 0.9, as the papers give it. */
    private static Optimizer tuningOptimizer(float rate) {
        return new Sgd(rate, 0.9f);
    }

    public DeepClusteringConfig config() {
        return config;
    }

    /** Pre-trains the stacked autoencoder (see {@link StackedAutoencoder#pretrain}). */
    @SafeVarargs
    public final History pretrain(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        return autoencoder.pretrain(data, options, List.of(listeners));
    }

    /** The DEC paper's greedy layer-wise stage, before {@link #pretrain} (see {@link StackedAutoencoder#pretrainGreedy}). */
    @SafeVarargs
    public final History pretrainGreedy(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        return autoencoder.pretrainGreedy(data, options, List.of(listeners));
    }

    Optional<CachedLoss> cachedPretrainingLoss() {
        return autoencoder.cachedPretrainingLoss();
    }

    /** Puts the centres where k-means finds them on the codes; returns the k-means assignments. */
    public int[] initialiseCentres(ImageSet data, long seed) {
        KMeans.Result km = KMeans.fit(encode(data), config.clusters(), config.kmeansRestarts(), 300, seed);
        clusteringLayer.setCentres(km.centres());
        return km.assignments();
    }

    /**
     * Fine-tunes for at most {@code options.epochs()} epochs, stopping when assignments settle.
     * ADEC first trains its discriminator alone for an epoch, on the images against their
     * reconstructions: an untrained critic gives the encoder a strong adversarial gradient that
     * wrecks the codes in the first epochs (reconstruction error 0.02 -> 0.27, ACC 0.71 -> 0.18).
     */
    @SafeVarargs
    public final History cluster(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        if (config.method() == Method.ADEC) {
            TrainingLoop.run(config.name() + " critic warm-up", data, manager,
                    new TrainingLoop.Options(1, config.batchSize(), options.seed(), false), batch -> critic.step(batch.x(),
                            decoder.forward(encoder.forward(batch.x(), false), false)),
                    List.of());
        }
        // seeded by the epoch reached, so a resumed run draws fresh shifts rather than replaying epoch 1's
        Random shifts = new Random(options.seed() * 37 + (options.done() == null ? 0 : options.done().size()));
        try (TargetSchedule target = new TargetSchedule(data, this::softAssignments, config.updateInterval(),
                config.tolerance(), manager)) {
            TrainingLoop.Step step = batch -> {
                NDArray rows = target.rows(batch.indices(), batch.manager());
                // with a tuning shift the batch is moved, while its rows of P come from the images as they are
                NDArray x = config.tuneShift() == 0 ? batch.x() : batch.manager().create(
                        Shifts.randomlyMoved(data, batch.indices(), config.tuneShift(), config.rotation(), shifts),
                        new Shape(batch.size(), data.pixelsPerImage()));
                Map<String, Double> out = tune(x, rows);
                out.put(CHANGED, target.changed());
                return out;
            };
            return TrainingLoop.run(config.name(), data, manager, options, step, List.of(listeners), target::converged);
        }
    }

    /** One fine-tuning step on a batch with its rows of P. */
    private Map<String, Double> tune(NDArray x, NDArray p) {
        Map<String, Double> out = new LinkedHashMap<>();
        NDArray z;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            z = encoderTuning.forward(x, true);
            NDArray q = clusterer.forward(z, true);
            NDArray kl = Losses.klDivergence(config.collapse() ? Losses.targetDistribution(q) : p, q);
            NDArray loss = Scalars.mul(kl, config.klWeight());
            out.put("kl", (double) kl.getFloat());
            if (config.method() == Method.IDEC) {
                NDArray mse = Losses.meanSquaredError(decoderTuning.forward(z, true), x);
                loss = loss.add(mse);
                out.put("mse", (double) mse.getFloat());
            } else if (config.method() == Method.ADEC) {
                NDArray adv = critic.generatorTerm(decoderTuning.forward(z, true));
                loss = loss.add(Scalars.mul(adv, config.adversarialWeight()));
                out.put("adversarial", (double) adv.getFloat());
            }
            gc.backward(loss);
        }
        encoderTuning.step();
        clusterer.step();
        if (config.method() == Method.IDEC) {
            decoderTuning.step();
        } else if (config.method() == Method.ADEC) {
            // the decoder learns on its own, from the reconstruction error alone
            NDArray zFixed = z.stopGradient();
            NDArray fake;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                fake = decoderTuning.forward(zFixed, true);
                NDArray mse = Losses.meanSquaredError(fake, x);
                gc.backward(mse);
                out.put("mse", (double) mse.getFloat());
            }
            decoderTuning.step();
            out.putAll(critic.step(x, fake));
        }
        return out;
    }

    /** The encoder's first weight matrix, flattened (for tests of the initialisation). */
    float[] firstLayerWeights() {
        return encoder.block().getParameters().get(0).getValue().getArray().toFloatArray();
    }

    /** Codes of the stacked autoencoder, one row per image. */
    public float[][] encode(ImageSet images) {
        return Rows.map(manager, images, x -> encoder.forward(x, false));
    }

    /** The cluster centres, one row each. */
    public float[][] centres() {
        return Rows.of(clusteringLayer.centres());
    }

    /** The codes' mean Euclidean norm (see {@link CodeScale#meanNorm}). */
    public double meanCodeNorm(ImageSet images) {
        return CodeScale.meanNorm(encode(images));
    }

    /** What DEC's first target would teach with the codes scaled (see {@link CodeScale#targetStrengthTable}). */
    public tech.tablesaw.api.Table targetStrengthTable(ImageSet images, double... scales) {
        return CodeScale.targetStrengthTable(encode(images), centres(), scales);
    }

    public float[][] reconstruct(ImageSet images) {
        return Rows.map(manager, images, x -> decoder.forward(encoder.forward(x, false), false));
    }

    /** Q: each image's soft assignment to the clusters. */
    public float[][] softAssignments(ImageSet images) {
        return Rows.map(manager, images, x -> clusterer.forward(encoder.forward(x, false), false));
    }

    /** DEC's target P for soft assignments Q given as rows (see {@link Losses#targetDistribution}). */
    public static float[][] targetDistribution(float[][] q) {
        try (NDManager m = NDManager.newBaseManager()) {
            return Rows.of(Losses.targetDistribution(Rows.create(m, q)));
        }
    }

    /** How many images each cluster holds. */
    public int[] clusterSizes(ImageSet images) {
        int[] sizes = new int[config.clusters()];
        for (int c : predict(images)) {
            sizes[c]++;
        }
        return sizes;
    }

    /** Hard assignments: the most likely cluster of each image. */
    public int[] predict(ImageSet images) {
        return Rows.argmax(softAssignments(images));
    }

    /** ACC, NMI (geometric and arithmetic) and ARI of the current assignments against the labels. */
    public Map<String, Double> scores(ImageSet images) {
        return Clustering.scores(predict(images), images.labels());
    }

    public void save(Path file) {
        Checkpoint.save(file, saved(), List.of(encoderTuning, decoderTuning));
    }

    public void load(Path file) {
        Checkpoint.load(file, saved(), List.of(encoderTuning, decoderTuning));
    }

    /** The networks a checkpoint holds. */
    private List<Network> saved() {
        return List.of(encoder, decoder, clusterer, critic.network());
    }

    @Override
    public void close() {
        manager.close();
    }
}
