package aelab.models;

import aelab.data.ImageSet;
import aelab.data.Shifts;
import aelab.losses.Losses;
import aelab.metrics.Clustering;
import aelab.metrics.KMeans;
import aelab.nn.CachedLoss;
import aelab.nn.ClusteringLayer;
import aelab.nn.Graph;
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
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
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
    private final Network encoder;
    private final Network decoder;
    private final ClusteringLayer clusteringLayer;
    private final Network clusterer;
    private final Network encoderTuning;
    private final Network decoderTuning;
    private final Network discriminator;

    public DeepClustering(DeepClusteringConfig config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        int[] s = config.sizes();
        SequentialBlock enc = new SequentialBlock();
        for (int i = 1; i < s.length; i++) {
            enc.add(linear(s[i], s[i - 1]));
            if (i < s.length - 1) {
                enc.add(Activation.RELU.asFunction());
            }
        }
        SequentialBlock dec = new SequentialBlock();
        for (int i = s.length - 2; i >= 0; i--) {
            dec.add(linear(s[i], s[i + 1]));
            if (i > 0) {
                dec.add(Activation.RELU.asFunction());
            }
        }
        int code = s[s.length - 1];
        encoder = new Network("encoder", enc, config.pretraining().optimizer(), manager, new Shape(1, s[0]));
        decoder = new Network("decoder", dec, config.pretraining().optimizer(), manager, new Shape(1, code));
        clusteringLayer = new ClusteringLayer(config.clusters(), 1f);
        clusterer = new Network("centres", clusteringLayer, tuningOptimizer(config.clusterRate()), manager, new Shape(1, code));
        encoderTuning = encoder.withOptimizer("encoder-tuning", tuningOptimizer(config.clusterRate()));
        decoderTuning = decoder.withOptimizer("decoder-tuning",
                tuningOptimizer(config.decoderRate() > 0 ? config.decoderRate() : config.clusterRate()));
        discriminator = new Network("discriminator", Blocks.critic(500, 500), Blocks.adam(1e-4f), manager,
                new Shape(1, s[0]));
    }

    /** A dense layer; with the DEC-keras recipe its weights start uniform in ±1/sqrt(fan_in). */
    private Linear linear(int units, int fanIn) {
        Linear layer = Linear.builder().setUnits(units).build();
        if (config.pretraining().fanInUniform()) {
            layer.setInitializer(Blocks.fanInUniform(fanIn), Parameter.Type.WEIGHT);
        }
        return layer;
    }

    /** Fine-tuning's optimizer: SGD with momentum 0.9, or Adam (Keras's defaults but the rate) when asked. */
    private Optimizer tuningOptimizer(float rate) {
        return config.adamTuning() ? new aelab.train.Adam(rate) : new Sgd(rate, 0.9f);
    }

    public DeepClusteringConfig config() {
        return config;
    }

    /**
     * Pre-trains the stacked autoencoder on the mean squared error; with a pre-training shift,
     * each batch is first moved at random and the autoencoder reconstructs the moved images.
     */
    @SafeVarargs
    public final History pretrain(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        // seeded by the epoch reached, so a resumed run draws fresh shifts rather than replaying epoch 1's
        Random shifts = new Random(options.seed() * 31 + (options.done() == null ? 0 : options.done().size()));
        try (CachedLoss cached = cachedPretrainingLoss().orElse(null)) {
            return TrainingLoop.run(config.name() + " pre-training", data, manager, options, batch -> {
                NDArray x = config.pretrainShift() == 0 ? batch.x() : batch.manager().create(
                        Shifts.randomlyMoved(data, batch.indices(), config.pretrainShift(), config.rotation(), shifts),
                        new Shape(batch.size(), data.pixelsPerImage()));
                double value;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = cached != null ? cached.forward(x).head()
                            : Losses.meanSquaredError(decoder.forward(encoder.forward(x, true), true), x);
                    gc.backward(loss);
                    value = loss.getFloat();
                }
                encoder.step();
                decoder.step();
                return Map.of("mse", value);
            }, List.of(listeners));
        }
    }

    /**
     * Pre-training's mean squared error as one cached MXNet graph over the encoder's and decoder's
     * arrays ({@link CachedLoss}); empty on other engines or when {@code aelab.cachedGraphs} is false.
     */
    Optional<CachedLoss> cachedPretrainingLoss() {
        int[] s = config.sizes();
        int[] up = java.util.Arrays.copyOfRange(s, 1, s.length);
        int[] down = new int[s.length - 1];
        for (int i = 0; i < down.length; i++) {
            down[i] = s[s.length - 2 - i];
        }
        Graph g = new Graph();
        Graph.Node x = g.input("data");
        Graph.Node out = g.mlp("decoder", g.mlp("encoder", x, up, "relu", null), down, "relu", null);
        List<Parameter> parameters = new ArrayList<>(encoder.block().getParameters().values());
        parameters.addAll(decoder.block().getParameters().values());
        return CachedLoss.on(manager, g, List.of("data"), parameters, g.meanSquaredError("mse", out, x));
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
                    new TrainingLoop.Options(1, config.batchSize(), options.seed(), false), batch -> criticStep(batch.x(),
                            decoder.forward(encoder.forward(batch.x(), false), false)),
                    List.of());
        }
        // seeded by the epoch reached, so a resumed run draws fresh shifts rather than replaying epoch 1's
        Random shifts = new Random(options.seed() * 37 + (options.done() == null ? 0 : options.done().size()));
        int[][] previous = {predict(data)};
        double[] changed = {0};
        boolean[] converged = {false};
        int[] iteration = {0};
        try (NDManager targetManager = manager.newSubManager()) {
            NDArray[] target = {null};
            TrainingLoop.Step step = batch -> {
                if (iteration[0] % config.updateInterval() == 0) {
                    int[] now = updateTarget(data, targetManager, target);
                    if (iteration[0] > 0) {
                        changed[0] = changedShare(previous[0], now);
                        converged[0] = changed[0] < config.tolerance();
                    }
                    previous[0] = now;
                }
                iteration[0]++;
                NDArray rows = target[0].get(batch.manager().create(batch.indices()));
                rows.attach(batch.manager());
                // with a tuning shift the batch is moved, while its rows of P come from the images as they are
                NDArray x = config.tuneShift() == 0 ? batch.x() : batch.manager().create(
                        Shifts.randomlyMoved(data, batch.indices(), config.tuneShift(), config.rotation(), shifts),
                        new Shape(batch.size(), data.pixelsPerImage()));
                Map<String, Double> out = tune(x, rows);
                out.put(CHANGED, changed[0]);
                return out;
            };
            return TrainingLoop.run(config.name(), data, manager, options, step,
                    List.of(listeners), () -> converged[0]);
        }
    }

    /** Recomputes P over the whole set (no gradient); returns the current hard assignments. */
    private int[] updateTarget(ImageSet data, NDManager targetManager, NDArray[] target) {
        float[][] q = softAssignments(data);
        if (target[0] != null) {
            target[0].close();
        }
        try (NDManager tmp = targetManager.newSubManager()) {
            NDArray p = Losses.targetDistribution(Rows.create(tmp, q));
            p.attach(targetManager);
            target[0] = p;
        }
        return Rows.argmax(q);
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
                NDArray dOut = discriminator.forward(criticView(decoderTuning.forward(z, true)), true);
                // ADEC's minimax form, log(1 - D(x')): the non-saturating -log D(x') grew to ~6 while
                // the critic won and its gradient tore the clusters apart (ACC 0.71 -> 0.44)
                NDArray adv = config.criticClip() > 0 ? Losses.wassersteinGenerator(dOut) : Losses.minimaxGenerator(dOut);
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
            out.putAll(criticStep(x, fake));
        }
        return out;
    }

    /** One update of ADEC's critic, digits against reconstructions: the paper's log loss, or a clipped Wasserstein critic. */
    private Map<String, Double> criticStep(NDArray real, NDArray fake) {
        return config.criticClip() > 0
                ? discriminator.wassersteinStep(criticView(real), criticView(fake), config.criticClip())
                : discriminator.criticStep(criticView(real), criticView(fake));
    }

    /** Images as ADEC's critic sees them: with the configured instance noise, x + N(0, sigma^2) per pixel. */
    NDArray criticView(NDArray images) {
        return config.criticNoise() == 0 ? images : images.add(images.getManager().randomNormal(0, config.criticNoise(),
                images.getShape(), images.getDataType()));
    }

    private static double changedShare(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n / (double) a.length;
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
        Checkpoint.save(file, List.of(encoder, decoder, clusterer, discriminator),
                List.of(encoderTuning, decoderTuning));
    }

    public void load(Path file) {
        Checkpoint.load(file, List.of(encoder, decoder, clusterer, discriminator),
                List.of(encoderTuning, decoderTuning));
    }

    @Override
    public void close() {
        manager.close();
    }
}
