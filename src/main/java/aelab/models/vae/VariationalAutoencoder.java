package aelab.models.vae;

import aelab.models.Activation;
import aelab.models.Blocks;
import aelab.models.Rows;

import aelab.Threads;
import aelab.data.ImageSet;
import aelab.losses.Losses;
import aelab.nn.CachedLoss;
import aelab.nn.Graph;
import aelab.nn.Scalars;
import aelab.train.Checkpoint;
import aelab.train.Checkpointed;
import aelab.train.History;
import aelab.train.Network;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A variational autoencoder with a Gaussian encoder: one dense head gives the mean and the log
 * variance of q(z|x) side by side (std = exp(logvar / 2)); z = mu + std * eps; the decoder gives
 * the means (sigmoid) of a Bernoulli or a fixed-variance Gaussian likelihood. Loss = reconstruction
 * + KL(q(z|x) || N(0, I)), the negative ELBO.
 */
public final class VariationalAutoencoder implements AutoCloseable, Checkpointed {

    /** How the loss terms are scaled. */
    public enum Scaling {
        /** summed over pixels and latent units, per sample: the negative ELBO in nats */
        SUM,
        /** averaged over pixels and over latent units: the Keras blog's first version, KL far too weak */
        MEAN
    }

    /** How the decoder's output scores an image. */
    public enum Likelihood {
        /** each pixel a Bernoulli variable with the decoder's output as its mean: binary cross-entropy */
        BERNOULLI,
        /** the image a Gaussian with the decoder's output as mean and a fixed standard deviation */
        GAUSSIAN
    }

    private final VariationalAutoencoderConfig config;
    private final NDManager manager;
    private final Network encoder;
    private final Network decoder;

    public VariationalAutoencoder(VariationalAutoencoderConfig config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        SequentialBlock enc = new SequentialBlock();
        int in = config.inputSize();
        for (int h : config.hidden()) {
            enc.add(linear(h, in)).add(Activation.RELU.asFunction());
            in = h;
        }
        enc.add(linear(2 * config.latent(), in));
        SequentialBlock dec = new SequentialBlock();
        in = config.latent();
        for (int i = config.hidden().length - 1; i >= 0; i--) {
            dec.add(linear(config.hidden()[i], in)).add(Activation.RELU.asFunction());
            in = config.hidden()[i];
        }
        dec.add(linear(config.inputSize(), in));
        if (config.likelihood() == Likelihood.GAUSSIAN) {
            dec.add(Activation.SIGMOID.asFunction());
        } // with BCE the decoder ends at the logits: BCE from logits takes fewer element-wise passes
        encoder = new Network("encoder", enc, Blocks.adam(config.learningRate()), manager, new Shape(1, config.inputSize()));
        decoder = new Network("decoder", dec, Blocks.adam(config.learningRate()), manager, new Shape(1, config.latent()));
    }

    private Linear linear(int units, int fanIn) {
        Linear layer = Linear.builder().setUnits(units).build();
        if (config.fanInInit()) {
            layer.setInitializer(Blocks.fanInUniform(fanIn), Parameter.Type.WEIGHT);
            layer.setInitializer(Blocks.fanInUniform(fanIn), Parameter.Type.BIAS);
        }
        return layer;
    }

    public VariationalAutoencoderConfig config() {
        return config;
    }

    /** The decoder's output as an image (its sigmoid, when the decoder ends at the logits). */
    private NDArray image(NDArray out) {
        return config.likelihood() == Likelihood.GAUSSIAN ? out : ai.djl.nn.Activation.sigmoid(out);
    }

    /** The per-sample negative ELBO of a batch in nats: summed BCE over pixels and KL over units. */
    record Terms(NDArray reconstruction, NDArray kl) {}

    /**
     * Encodes, samples, decodes and scores a batch. With the sigma bug, training scores the KL as
     * the bug did (the head read as log variance); {@code trueKl} scores the distribution actually
     * sampled (log variance 2h), which is what an ELBO must use.
     */
    Terms terms(NDArray x, boolean training, boolean trueKl) {
        NDArray h = encoder.forward(x, training);
        NDArray mu = h.get(new NDIndex(":, :{}", config.latent()));
        NDArray logVar = h.get(new NDIndex(":, {}:", config.latent()));
        NDArray std = config.sigmaBug() ? logVar.exp() : Scalars.mul(logVar, 0.5f).exp();
        NDArray z = mu.add(std.mul(x.getManager().randomNormal(mu.getShape())));
        NDArray out = decoder.forward(z, training);
        NDArray rec = config.likelihood() == Likelihood.GAUSSIAN
                ? Losses.gaussianNegativeLogLikelihood(out, x, config.sigma())
                : Scalars.mul(Losses.binaryCrossEntropyWithLogits(out, x), config.inputSize()); // mean -> per-sample sum
        NDArray klLogVar = config.sigmaBug() && trueKl ? Scalars.mul(logVar, 2) : logVar;
        return new Terms(rec, Losses.klToStandardNormal(mu, klLogVar));
    }

    /**
     * The training loss (and its two terms) as one cached MXNet graph, the noise fed in as an input
     * ({@link CachedLoss}): for the Bernoulli likelihood; empty otherwise, on other engines, or when
     * {@code aelab.cachedGraphs} is false.
     */
    Optional<CachedLoss> cachedLoss() {
        if (config.likelihood() != Likelihood.BERNOULLI) {
            return Optional.empty();
        }
        int n = config.hidden().length;
        int[] up = java.util.Arrays.copyOf(config.hidden(), n + 1);
        up[n] = 2 * config.latent();
        int[] down = new int[n + 1];
        for (int i = 0; i < n; i++) {
            down[i] = config.hidden()[n - 1 - i];
        }
        down[n] = config.inputSize();
        Graph g = new Graph();
        Graph.Node x = g.input("data");
        Graph.Node h = g.mlp("encoder", x, up, "relu", null);
        Graph.Node mu = g.columns("mu", h, 0, config.latent());
        Graph.Node logVar = g.columns("logvar", h, config.latent(), 2 * config.latent());
        Graph.Node eps = g.input("eps");
        // the sigma bug samples with std = exp(h); the KL below reads h as log variance either way
        Graph.Node std = g.op("exp", "std", Map.of(), config.sigmaBug() ? logVar : g.scalar("_mul_scalar", "half", logVar, 0.5f));
        Graph.Node z = g.op("elemwise_add", "z", Map.of(), mu, g.op("elemwise_mul", "noise", Map.of(), std, eps));
        Graph.Node out = g.mlp("decoder", z, down, "relu", null);
        Graph.Node rec = g.scalar("_mul_scalar", "reconstruction", g.bceWithLogits("bce", out, x), config.inputSize());
        Graph.Node kl = g.klToStandardNormal("kl", mu, logVar);
        if (config.scaling() == Scaling.MEAN) {
            rec = g.scalar("_div_scalar", "reconstruction_mean", rec, config.inputSize());
            kl = g.scalar("_div_scalar", "kl_mean", kl, config.latent());
        }
        Graph.Node loss = g.op("elemwise_add", "loss", Map.of(), rec, kl);
        List<Parameter> parameters = new java.util.ArrayList<>(encoder.block().getParameters().values());
        parameters.addAll(decoder.block().getParameters().values());
        return CachedLoss.on(manager, g, List.of("data", "eps"), parameters, loss, rec, kl);
    }

    @SafeVarargs
    public final History fit(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        // small layers train faster on one thread (see Threads)
        try (Threads threads = Threads.forWidth(java.util.Arrays.stream(config.hidden()).max().orElse(0));
                CachedLoss cached = cachedLoss().orElse(null)) {
            return TrainingLoop.run(config.name(), data, manager, options, batch -> {
                Map<String, Double> out = new LinkedHashMap<>();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray rec;
                    NDArray kl;
                    NDArray loss;
                    if (cached != null) {
                        NDList terms = cached.forward(batch.x(),
                                batch.manager().randomNormal(new Shape(batch.size(), config.latent())));
                        loss = terms.get(0);
                        rec = terms.get(1);
                        kl = terms.get(2);
                    } else {
                        Terms t = terms(batch.x(), true, false);
                        rec = t.reconstruction();
                        kl = t.kl();
                        if (config.scaling() == Scaling.MEAN) {
                            rec = Scalars.div(rec, config.inputSize());
                            kl = Scalars.div(kl, config.latent());
                        }
                        loss = rec.add(kl);
                    }
                    gc.backward(loss);
                    out.put("reconstruction", (double) rec.getFloat());
                    out.put("kl", (double) kl.getFloat());
                    out.put("loss", (double) loss.getFloat());
                }
                encoder.step();
                decoder.step();
                return out;
            }, List.of(listeners));
        }
    }

    /**
     * The negative ELBO per sample on a set, in nats (summed BCE + KL of the distribution sampled,
     * one sample of z per image, whatever the training scaling), with its two parts.
     */
    public double[] negativeElbo(ImageSet images) {
        double rec = 0;
        double kl = 0;
        for (int from = 0; from < images.size(); from += 1000) {
            int to = Math.min(images.size(), from + 1000);
            try (NDManager sub = manager.newSubManager()) {
                Terms t = terms(images.toNDArray(sub, from, to), false, true);
                rec += t.reconstruction().getFloat() * (to - from);
                kl += t.kl().getFloat() * (to - from);
            }
        }
        int n = images.size();
        return new double[] {(rec + kl) / n, rec / n, kl / n};
    }

    /** The means of q(z|x), one row per image (the codes a scatter plot shows). */
    public float[][] encodeMeans(ImageSet images) {
        return Rows.map(manager, images, x -> encoder.forward(x, false).get(new NDIndex(":, :{}", config.latent())));
    }

    /** The log variances of q(z|x), one row per image. */
    public float[][] encodeLogVariances(ImageSet images) {
        return Rows.map(manager, images, x -> encoder.forward(x, false).get(new NDIndex(":, {}:", config.latent())));
    }

    /** Decoder outputs (pixel means) for the given codes. */
    public float[][] decode(float[][] z) {
        return Rows.map(manager, z, c -> image(decoder.forward(c, false)));
    }

    /** Reconstructions from the mean code of each image. */
    public float[][] reconstruct(ImageSet images) {
        return decode(encodeMeans(images));
    }

    /** Images decoded from {@code n} draws of the prior N(0, I). */
    public float[][] sample(int n) {
        try (NDManager sub = manager.newSubManager()) {
            float[] z = sub.randomNormal(new Shape(n, config.latent())).toFloatArray();
            float[][] rows = new float[n][config.latent()];
            for (int i = 0; i < n; i++) {
                System.arraycopy(z, i * config.latent(), rows[i], 0, config.latent());
            }
            return decode(rows);
        }
    }

    public void save(Path file) {
        Checkpoint.save(file, List.of(encoder, decoder));
    }

    public void load(Path file) {
        Checkpoint.load(file, List.of(encoder, decoder));
    }

    @Override
    public void close() {
        manager.close();
    }
}
