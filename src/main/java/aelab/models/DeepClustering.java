package aelab.models;

import aelab.data.ImageSet;
import aelab.data.Shifts;
import aelab.losses.Losses;
import aelab.metrics.Clustering;
import aelab.metrics.KMeans;
import aelab.nn.ClusteringLayer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * How the stacked autoencoder is pre-trained.
     *
     * @param sgd SGD with momentum (else Adam)
     * @param rate the learning rate
     * @param fanInUniform initial weights uniform in ±1/sqrt(fan_in), Keras's VarianceScaling(1/3,
     *     fan_in, uniform) as DEC-keras sets it (else DJL's default initializer)
     */
    public record Pretraining(String name, boolean sgd, float rate, boolean fanInUniform) {

        /** DEC-keras: SGD, learning rate 1, momentum 0.9, from VarianceScaling(1/3, fan_in, uniform) weights. */
        public static Pretraining decKeras() {
            return new Pretraining("SGD lr 1, momentum 0.9, fan-in uniform init", true, 1f, true);
        }

        /** What this project used first: Adam 1e-3 from DJL's default weights (codes far apart). */
        public static Pretraining adam() {
            return new Pretraining("Adam 1e-3, DJL's default init", false, 1e-3f, false);
        }

        Optimizer optimizer() {
            return sgd ? new Sgd(rate, 0.9f) : Blocks.adam(rate);
        }
    }

    /**
     * @param sizes the stacked autoencoder's encoder, input to code (784-500-500-2000-10)
     * @param pretraining the optimizer and initial weights of pre-training
     * @param clusterRate SGD's rate (momentum 0.9) for fine-tuning: 0.01 for DEC, 0.001 for ADEC
     * @param updateInterval batches between recomputations of the target P (140)
     * @param tolerance stop when fewer than this share of assignments change between updates (0.001)
     * @param klWeight weight of KL(P || Q) (IDEC: 0.1 beside the reconstruction)
     * @param adversarialWeight weight of the encoder's adversarial term (ADEC)
     * @param kmeansRestarts k-means++ runs on the codes, the best kept (20)
     * @param collapse compute P from each batch's own Q with the gradient flowing through it: the
     *     mistake that puts every sample into one cluster, kept to show it
     * @param pretrainShift pre-train on images moved by up to this many pixels each way (0: none)
     */
    public record Config(String name, Method method, int clusters, int[] sizes, Pretraining pretraining,
            float clusterRate, int batchSize, int updateInterval, double tolerance, float klWeight,
            float adversarialWeight, int kmeansRestarts, boolean collapse, int pretrainShift) {
        public Config {
            sizes = sizes.clone();
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        public static Config dec() {
            return new Config("dec", Method.DEC, 10, new int[] {784, 500, 500, 2000, 10}, Pretraining.decKeras(), 0.01f, 256, 140,
                    0.001, 1f, 0f, 20, false, 0);
        }

        public static Config idec() {
            return new Config("idec", Method.IDEC, 10, new int[] {784, 500, 500, 2000, 10}, Pretraining.decKeras(), 0.01f, 256, 140,
                    0.001, 0.1f, 0f, 20, false, 0);
        }

        /**
         * ADEC with its adversarial term weighted 0.01. At the paper's weight of 1 the encoder,
         * free of any reconstruction term, moved every code to wherever the decoder drew an image
         * that fooled the critic: here the reconstruction error rose from 0.02 to 0.47 and every
         * digit ended in one cluster, the collapse seed 000 reports.
         */
        public static Config adec() {
            return new Config("adec", Method.ADEC, 10, new int[] {784, 500, 500, 2000, 10}, Pretraining.decKeras(), 0.001f, 256, 140,
                    0.001, 1f, 0.01f, 20, false, 0);
        }

        /** The same with another pre-training recipe. */
        public Config withPretraining(Pretraining p) {
            return new Config(name, method, clusters, sizes, p, clusterRate, batchSize, updateInterval, tolerance,
                    klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift);
        }

        /** The same with the collapse mistake switched on. */
        public Config withCollapse() {
            return new Config(name + "-collapse", method, clusters, sizes, pretraining, clusterRate, batchSize,
                    updateInterval, tolerance, klWeight, adversarialWeight, kmeansRestarts, true, pretrainShift);
        }

        public Config withKmeansRestarts(int restarts) {
            return new Config(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                    tolerance, klWeight, adversarialWeight, restarts, collapse, pretrainShift);
        }

        /** The same with another weight on ADEC's adversarial term. */
        public Config withAdversarialWeight(float weight) {
            return new Config(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                    tolerance, klWeight, weight, kmeansRestarts, collapse, pretrainShift);
        }

        public Config withUpdateInterval(int batches) {
            return new Config(name, method, clusters, sizes, pretraining, clusterRate, batchSize, batches,
                    tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift);
        }

        /** The same, pre-trained on images moved by up to {@code pixels} pixels each way. */
        public Config withPretrainShift(int pixels) {
            return new Config(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                    tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pixels);
        }
    }

    private final Config config;
    private final NDManager manager;
    private final Network encoder;
    private final Network decoder;
    private final ClusteringLayer clusteringLayer;
    private final Network clusterer;
    private final Network encoderTuning;
    private final Network decoderTuning;
    private final Network discriminator;

    public DeepClustering(Config config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        int[] s = config.sizes;
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
        encoder = new Network("encoder", enc, config.pretraining.optimizer(), manager, new Shape(1, s[0]));
        decoder = new Network("decoder", dec, config.pretraining.optimizer(), manager, new Shape(1, code));
        clusteringLayer = new ClusteringLayer(config.clusters, 1f);
        clusterer = new Network("centres", clusteringLayer, sgd(), manager, new Shape(1, code));
        encoderTuning = encoder.withOptimizer("encoder-tuning", sgd());
        decoderTuning = decoder.withOptimizer("decoder-tuning", sgd());
        discriminator = new Network("discriminator", Blocks.critic(500, 500), Blocks.adam(1e-4f), manager,
                new Shape(1, s[0]));
    }

    /** A dense layer; with the DEC-keras recipe its weights start uniform in ±1/sqrt(fan_in). */
    private Linear linear(int units, int fanIn) {
        Linear layer = Linear.builder().setUnits(units).build();
        if (config.pretraining.fanInUniform()) {
            layer.setInitializer(Blocks.fanInUniform(fanIn), Parameter.Type.WEIGHT);
        }
        return layer;
    }

    private Optimizer sgd() {
        return new Sgd(config.clusterRate, 0.9f);
    }

    public Config config() {
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
        return TrainingLoop.run(config.name + " pre-training", data, manager, options, batch -> {
            NDArray x = config.pretrainShift == 0 ? batch.x() : batch.manager().create(
                    Shifts.randomlyShifted(data, batch.indices(), config.pretrainShift, shifts),
                    new Shape(batch.size(), data.pixelsPerImage()));
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.meanSquaredError(decoder.forward(encoder.forward(x, true), true), x);
                gc.backward(loss);
                value = loss.getFloat();
            }
            encoder.step();
            decoder.step();
            return Map.of("mse", value);
        }, List.of(listeners));
    }

    /** Puts the centres where k-means finds them on the codes; returns the k-means assignments. */
    public int[] initialiseCentres(ImageSet data, long seed) {
        KMeans.Result km = KMeans.fit(encode(data), config.clusters, config.kmeansRestarts, 300, seed);
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
        if (config.method == Method.ADEC) {
            TrainingLoop.run(config.name + " critic warm-up", data, manager,
                    new TrainingLoop.Options(1, config.batchSize, options.seed(), false), batch -> discriminator
                            .criticStep(batch.x(), decoder.forward(encoder.forward(batch.x(), false), false)),
                    List.of());
        }
        int[][] previous = {predict(data)};
        double[] changed = {0};
        boolean[] converged = {false};
        int[] iteration = {0};
        try (NDManager targetManager = manager.newSubManager()) {
            NDArray[] target = {null};
            TrainingLoop.Step step = batch -> {
                if (iteration[0] % config.updateInterval == 0) {
                    int[] now = updateTarget(data, targetManager, target);
                    if (iteration[0] > 0) {
                        changed[0] = changedShare(previous[0], now);
                        converged[0] = changed[0] < config.tolerance;
                    }
                    previous[0] = now;
                }
                iteration[0]++;
                NDArray rows = target[0].get(batch.manager().create(batch.indices()));
                rows.attach(batch.manager());
                Map<String, Double> out = tune(batch.x(), rows);
                out.put(CHANGED, changed[0]);
                return out;
            };
            return TrainingLoop.run(config.name, data, manager, options, step,
                    List.of(listeners), () -> converged[0]);
        }
    }

    /** Recomputes P over the whole set (no gradient); returns the current hard assignments. */
    private int[] updateTarget(ImageSet data, NDManager targetManager, NDArray[] target) {
        float[][] q = softAssignments(data);
        if (target[0] != null) {
            target[0].close();
        }
        float[] flat = new float[q.length * config.clusters];
        for (int i = 0; i < q.length; i++) {
            System.arraycopy(q[i], 0, flat, i * config.clusters, config.clusters);
        }
        try (NDManager tmp = targetManager.newSubManager()) {
            NDArray p = Losses.targetDistribution(tmp.create(flat, new Shape(q.length, config.clusters)));
            p.attach(targetManager);
            target[0] = p;
        }
        return argmax(q);
    }

    /** One fine-tuning step on a batch with its rows of P. */
    private Map<String, Double> tune(NDArray x, NDArray p) {
        Map<String, Double> out = new LinkedHashMap<>();
        NDArray z;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            z = encoderTuning.forward(x, true);
            NDArray q = clusterer.forward(z, true);
            NDArray kl = Losses.klDivergence(config.collapse ? Losses.targetDistribution(q) : p, q);
            NDArray loss = kl.mul(config.klWeight);
            out.put("kl", (double) kl.getFloat());
            if (config.method == Method.IDEC) {
                NDArray mse = Losses.meanSquaredError(decoderTuning.forward(z, true), x);
                loss = loss.add(mse);
                out.put("mse", (double) mse.getFloat());
            } else if (config.method == Method.ADEC) {
                NDArray dOut = discriminator.forward(decoderTuning.forward(z, true), true);
                // ADEC's minimax form, log(1 - D(x')): the non-saturating -log D(x') grew to ~6 while
                // the critic won and its gradient tore the clusters apart (ACC 0.71 -> 0.44)
                NDArray adv = Losses.minimaxGenerator(dOut);
                loss = loss.add(adv.mul(config.adversarialWeight));
                out.put("adversarial", (double) adv.getFloat());
            }
            gc.backward(loss);
        }
        encoderTuning.step();
        clusterer.step();
        if (config.method == Method.IDEC) {
            decoderTuning.step();
        } else if (config.method == Method.ADEC) {
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
            out.putAll(discriminator.criticStep(x, fake));
        }
        return out;
    }

    private static double changedShare(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n / (double) a.length;
    }

    static int[] argmax(float[][] q) {
        int[] out = new int[q.length];
        for (int i = 0; i < q.length; i++) {
            for (int j = 1; j < q[i].length; j++) {
                if (q[i][j] > q[i][out[i]]) {
                    out[i] = j;
                }
            }
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

    /**
     * Mean Euclidean norm of the codes: the Student's t kernel sees this scale directly (codes far
     * apart give a Q that is already hard, crowded ones a flat Q; either way P teaches little).
     */
    public double meanCodeNorm(ImageSet images) {
        double total = 0;
        float[][] codes = encode(images);
        for (float[] z : codes) {
            double sq = 0;
            for (float v : z) {
                sq += v * v;
            }
            total += Math.sqrt(sq);
        }
        return total / codes.length;
    }

    /**
     * What DEC's first target would teach if the codes and centres were {@code scale} times as
     * large: {@code max_q}, the mean largest entry of Q (near 1: Q is already hard), and {@code kl},
     * the mean KL(P || Q) the fine-tuning starts from (near 0: P asks for nothing new).
     */
    public Map<String, Double> targetStrength(ImageSet images, double scale) {
        float[][] codes = encode(images);
        float[] flat = new float[codes.length * codes[0].length];
        for (int i = 0; i < codes.length; i++) {
            System.arraycopy(codes[i], 0, flat, i * codes[0].length, codes[0].length);
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray z = m.create(flat, new Shape(codes.length, codes[0].length)).mul(scale);
            NDArray centres = clusteringLayer.centres().mul(scale);
            NDArray q = Losses.studentTAssignment(z, centres, 1f);
            NDArray p = Losses.targetDistribution(q);
            return Map.of("max_q", (double) q.max(new int[] {1}).mean().getFloat(),
                    "kl", (double) Losses.klDivergence(p, q).getFloat());
        }
    }

    /** {@link #targetStrength} at each scale, as a table: scale, mean code norm, mean largest q, KL(P || Q). */
    public tech.tablesaw.api.Table targetStrengthTable(ImageSet images, double... scales) {
        double norm = meanCodeNorm(images);
        var table = tech.tablesaw.api.Table.create("DEC's first target with the codes scaled",
                tech.tablesaw.api.DoubleColumn.create("scale"), tech.tablesaw.api.DoubleColumn.create("mean code norm"),
                tech.tablesaw.api.DoubleColumn.create("mean largest q"),
                tech.tablesaw.api.DoubleColumn.create("KL(P || Q)"));
        for (double scale : scales) {
            Map<String, Double> t = targetStrength(images, scale);
            table.doubleColumn(0).append(scale);
            table.doubleColumn(1).append(norm * scale);
            table.doubleColumn(2).append(t.get("max_q"));
            table.doubleColumn(3).append(t.get("kl"));
        }
        return aelab.Results.fourDigits(table);
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
            float[] flat = new float[q.length * q[0].length];
            for (int i = 0; i < q.length; i++) {
                System.arraycopy(q[i], 0, flat, i * q[0].length, q[0].length);
            }
            float[] p = Losses.targetDistribution(m.create(flat, new Shape(q.length, q[0].length))).toFloatArray();
            float[][] rows = new float[q.length][q[0].length];
            for (int i = 0; i < q.length; i++) {
                System.arraycopy(p, i * q[0].length, rows[i], 0, q[0].length);
            }
            return rows;
        }
    }

    /** How many images each cluster holds. */
    public int[] clusterSizes(ImageSet images) {
        int[] sizes = new int[config.clusters];
        for (int c : predict(images)) {
            sizes[c]++;
        }
        return sizes;
    }

    /** Hard assignments: the most likely cluster of each image. */
    public int[] predict(ImageSet images) {
        return argmax(softAssignments(images));
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
