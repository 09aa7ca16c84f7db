package aelab.models.aae;

import aelab.models.Activation;
import aelab.models.Blocks;
import aelab.models.Rows;

import aelab.data.Batch;
import aelab.data.ImageSet;
import aelab.losses.Losses;
import aelab.train.Checkpoint;
import aelab.train.Checkpointed;
import aelab.train.History;
import aelab.train.Network;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An adversarial autoencoder (Makhzani et al.), trained in three phases per batch: (1) encoder
 * and decoder on reconstruction; (2) a discriminator on codes, prior samples as real and the
 * encoder's codes as fake; (3) the encoder, as generator, to make its codes pass for prior
 * samples. Each phase steps its own optimizer. In the supervised variant the decoder also gets
 * the one-hot label, so the code is left to hold the style.
 */
public final class AdversarialAutoencoder implements AutoCloseable, Checkpointed {

    /**
     * @param hidden units of each of the two hidden layers of all three networks (1000)
     * @param supervised give the decoder the one-hot label beside the code
     * @param reconstructionRate Adam's rate for phase 1 (the tutorial's gen_lr, 6e-4)
     * @param regularizationRate Adam's rate for phases 2 and 3 (reg_lr, 8e-4)
     * @param criticDropout the discriminator's dropout (the tutorial's 0.2)
     */
    public record Config(String name, int latent, int hidden, float dropout, boolean supervised, int classes,
            float reconstructionRate, float regularizationRate, float criticDropout) {

        /** The tutorial's unsupervised AAE: 784-1000-1000-2, dropout 0.25 (0.2 in the discriminator). */
        public static Config unsupervised2d() {
            return new Config("aae-2d", 2, 1000, 0.25f, false, 10, 6e-4f, 8e-4f, 0.2f);
        }

        /** The supervised AAE: label to the decoder, a 2-D style code. */
        public static Config supervised2d() {
            return new Config("aae-supervised-2d", 2, 1000, 0.25f, true, 10, 6e-4f, 8e-4f, 0.2f);
        }

        public Config withHidden(int units) {
            return new Config(name, latent, units, dropout, supervised, classes, reconstructionRate, regularizationRate,
                    criticDropout);
        }

        /** The same without dropout anywhere (deterministic steps, for comparing two ways of computing them). */
        public Config withoutDropout() {
            return new Config(name + "-no-dropout", latent, hidden, 0, supervised, classes, reconstructionRate,
                    regularizationRate, 0);
        }
    }

    private final Config config;
    private final Prior prior;
    private final NDManager manager;
    private final Network encoder;
    private final Network encoderAsGenerator;
    private final Network decoder;
    private final Network discriminator;

    public AdversarialAutoencoder(Config config, Prior prior) {
        this.config = config;
        this.prior = prior;
        this.manager = NDManager.newBaseManager();
        int decoderIn = config.latent + (config.supervised ? config.classes : 0);
        encoder = new Network("encoder", Blocks.mlp(config.hidden, config.latent, config.dropout, Activation.LINEAR), Blocks.adam(config.reconstructionRate),
                manager, new Shape(1, 784));
        encoderAsGenerator = encoder.withOptimizer("encoder-generator", Blocks.adam(config.regularizationRate));
        decoder = new Network("decoder", Blocks.mlp(config.hidden, 784, config.dropout, Activation.SIGMOID), Blocks.adam(config.reconstructionRate),
                manager, new Shape(1, decoderIn));
        discriminator = new Network("discriminator", Blocks.mlp(config.hidden, 1, config.criticDropout, Activation.LINEAR), Blocks.adam(config.regularizationRate),
                manager, new Shape(1, config.latent));
    }

    public Config config() {
        return config;
    }

    /** Steps taken by the encoder's two optimizers: reconstruction, then fooling the discriminator. */
    public long[] encoderSteps() {
        return new long[] {encoder.steps(), encoderAsGenerator.steps()};
    }

    public Prior prior() {
        return prior;
    }

    private NDArray decoderInput(NDArray z, NDArray labels) {
        return config.supervised ? z.concat(labels.oneHot(config.classes), 1) : z;
    }

    @SafeVarargs
    public final History fit(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        try (AaeGraphs graphs = AaeGraphs.of(config, manager, encoder, decoder, discriminator).orElse(null)) {
            return TrainingLoop.run(config.name, data, manager, options,
                    batch -> graphs != null ? cachedStep(graphs, batch) : step(batch), List.of(listeners));
        }
    }

    /** One batch layer by layer: reconstruction, the critic's step, the generator's step. */
    private Map<String, Double> step(Batch batch) {
        Map<String, Double> out = new LinkedHashMap<>();
        NDArray x = batch.x();
        NDArray labels = batch.y();
        // 1. reconstruction: encoder and decoder
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray xHat = decoder.forward(decoderInput(encoder.forward(x, true), labels), true);
            NDArray rec = Losses.binaryCrossEntropy(xHat, x);
            gc.backward(rec);
            out.put("reconstruction", (double) rec.getFloat());
        }
        encoder.step();
        decoder.step();
        // 2. discriminator: prior samples are real, codes are fake (no dropout in the encoder here)
        NDArray real = prior.sample(batch.manager(), batch.size(), config.latent);
        out.putAll(discriminator.criticStep(real, encoder.forward(x, false)));
        // 3. generator: the encoder tries to have its codes called real
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray dFake = discriminator.forward(encoder.forward(x, true), true);
            NDArray g = Losses.nonSaturatingGenerator(dFake);
            gc.backward(g);
            out.put("g_loss", (double) g.getFloat());
        }
        encoderAsGenerator.step();
        return out;
    }

    /** The same three phases, each one cached graph forward and one backward. */
    private Map<String, Double> cachedStep(AaeGraphs graphs, Batch batch) {
        Map<String, Double> out = new LinkedHashMap<>();
        NDArray x = batch.x();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray rec = (config.supervised ? graphs.reconstruction().forward(x, batch.y().oneHot(config.classes))
                    : graphs.reconstruction().forward(x)).head();
            gc.backward(rec);
            out.put("reconstruction", (double) rec.getFloat());
        }
        encoder.step();
        decoder.step();
        NDArray real = prior.sample(batch.manager(), batch.size(), config.latent);
        NDArray codes = encoder.forward(x, false);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            ai.djl.ndarray.NDList d = graphs.critic().forward(real, codes);
            gc.backward(d.get(0));
            out.put("d_loss", (double) d.get(0).getFloat());
            out.put("d_accuracy", Losses.discriminatorAccuracy(d.get(1), d.get(2)));
        }
        discriminator.step();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray g = graphs.generator().forward(x).head();
            gc.backward(g);
            out.put("g_loss", (double) g.getFloat());
        }
        encoderAsGenerator.step();
        return out;
    }

    /** Codes, one row per image. */
    public float[][] encode(ImageSet images) {
        return Rows.map(manager, images, x -> encoder.forward(x, false));
    }

    /** Images from codes (unsupervised only). */
    public float[][] decode(float[][] z) {
        if (config.supervised) {
            throw new IllegalStateException("a supervised AAE decodes a code together with a label: use decode(z, label)");
        }
        return Rows.map(manager, z, c -> decoder.forward(c, false));
    }

    /** Images from codes, each drawn as the digit {@code label} (supervised only). */
    public float[][] decode(float[][] z, int label) {
        if (!config.supervised) {
            throw new IllegalStateException("an unsupervised AAE takes no label: use decode(z)");
        }
        return Rows.map(manager, z, c -> decoder.forward(c.concat(
                c.getManager().full(new Shape(c.getShape().get(0)), label).oneHot(config.classes), 1), false));
    }

    /**
     * Each style drawn as every class, style by style: row {@code s * classes + c} is style s as
     * class c (supervised only). A grid of {@code classes} columns shows one style per row.
     */
    public float[][] renderStyles(float[][] styles) {
        float[][] out = new float[styles.length * config.classes][];
        for (int c = 0; c < config.classes; c++) {
            float[][] asClass = decode(styles, c);
            for (int s = 0; s < styles.length; s++) {
                out[s * config.classes + c] = asClass[s];
            }
        }
        return out;
    }

    /** Reconstructions, one row per image (labels go to the decoder when supervised). */
    public float[][] reconstruct(ImageSet images) {
        float[][] z = encode(images);
        if (!config.supervised) {
            return decode(z);
        }
        float[][] out = new float[z.length][];
        for (int i = 0; i < z.length; i++) {
            out[i] = decode(new float[][] {z[i]}, images.label(i))[0];
        }
        return out;
    }

    /** Draws from the prior, one row per code. */
    public float[][] samplePrior(int n) {
        try (NDManager sub = manager.newSubManager()) {
            float[] flat = prior.sample(sub, n, config.latent).toFloatArray();
            float[][] rows = new float[n][config.latent];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat, i * config.latent, rows[i], 0, config.latent);
            }
            return rows;
        }
    }

    public void save(Path file) {
        Checkpoint.save(file, List.of(encoder, decoder, discriminator), List.of(encoderAsGenerator));
    }

    public void load(Path file) {
        Checkpoint.load(file, List.of(encoder, decoder, discriminator), List.of(encoderAsGenerator));
    }

    @Override
    public void close() {
        manager.close();
    }
}
