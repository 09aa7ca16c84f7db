package aelab.models.dense;

import aelab.models.Activation;
import aelab.models.Blocks;
import aelab.models.Diagnostics;
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
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A fully connected autoencoder: the encoder maps through {@code sizes} (784, ..., code), the
 * decoder mirrors it back. Trained with Adam on a mean squared error or binary cross-entropy, plus
 * the penalties of its {@link Regularization}: this one class covers the plain, the sparse (L1
 * activity, KL sparsity, weight decay) and the nonnegative autoencoder.
 */
public final class DenseAutoencoder implements AutoCloseable, Checkpointed {

    /** How reconstructions are scored. */
    public enum Reconstruction {
        /** mean over pixels of (x - x')^2 (Keras's "mse") */
        MSE,
        /** mean over pixels of the binary cross-entropy */
        BCE,
        /** per sample 1/2 sum over pixels of (x - x')^2 (UFLDL and NCAE's scale for their penalty weights) */
        SSE
    }

    private final DenseAutoencoderConfig config;
    private final NDManager manager;
    private final SequentialBlock encoder = new SequentialBlock();
    private final SequentialBlock decoder = new SequentialBlock();
    private final Network network;
    /**
     * Sigmoid output with BCE: the decoder ends at the logits and the loss is BCE from logits, a
     * third fewer element-wise passes per step than sigmoid then BCE (those passes, not the matrix
     * products, are where a step's time goes: aelab.bench.StepProfile); images get the sigmoid.
     */
    private final boolean fromLogits;

    public DenseAutoencoder(DenseAutoencoderConfig config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        this.fromLogits = config.output() == Activation.SIGMOID && config.loss() == Reconstruction.BCE;
        int[] s = config.sizes();
        for (int i = 1; i < s.length; i++) {
            encoder.add(Linear.builder().setUnits(s[i]).build());
            encoder.add((i == s.length - 1 ? config.code() : config.hidden()).asFunction());
        }
        for (int i = s.length - 2; i >= 0; i--) {
            decoder.add(Linear.builder().setUnits(s[i]).build());
            if (i > 0 || !fromLogits) {
                decoder.add((i == 0 ? config.output() : config.hidden()).asFunction());
            }
        }
        SequentialBlock whole = new SequentialBlock().add(encoder).add(decoder);
        Optimizer adam = Blocks.adam(config.learningRate());
        network = new Network(config.name(), whole, adam, manager, new Shape(1, s[0]));
    }

    public DenseAutoencoderConfig config() {
        return config;
    }

    public Network network() {
        return network;
    }

    /** Saves the parameters (temporary file, then rename). */
    public void save(Path file) {
        Checkpoint.save(file, List.of(network));
    }

    /** Loads parameters saved from a model of the same config. */
    public void load(Path file) {
        Checkpoint.load(file, List.of(network));
    }

    /** The reconstruction loss of a batch, as the config names it. */
    NDArray reconstructionLoss(NDArray x, NDArray xHat) {
        return switch (config.loss()) {
            case MSE -> Losses.meanSquaredError(xHat, x);
            case BCE -> Losses.binaryCrossEntropy(xHat, x);
            case SSE -> Scalars.mul(Losses.meanSquaredError(xHat, x), x.getShape().get(1) / 2f);
        };
    }

    /** Trains on {@code data}; listeners see the history after every epoch. */
    @SafeVarargs
    public final History fit(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        // small layers train faster on one thread (see Threads)
        try (Threads threads = Threads.forWidth(java.util.Arrays.stream(config.sizes()).max().orElse(0));
                CachedLoss cached = cachedLoss().orElse(null)) {
            String lossName = config.loss().name().toLowerCase(java.util.Locale.ROOT);
            return TrainingLoop.run(config.name(), data, manager, options, batch -> {
                Map<String, Double> terms = new LinkedHashMap<>();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss;
                    if (cached != null) {
                        loss = cached.forward(batch.x()).head();
                        terms.put(lossName, (double) loss.getFloat());
                    } else {
                        loss = lossTerms(batch.x(), terms);
                    }
                    gc.backward(loss);
                }
                network.step();
                return terms;
            }, List.of(listeners));
        }
    }

    /**
     * The whole step's loss as one cached MXNet graph (see {@link CachedLoss}) where it can be: a plain
     * autoencoder (no penalties) scored by MSE or by BCE from logits. Empty on other engines, for the
     * other configurations, and when {@code aelab.cachedGraphs} is false.
     */
    Optional<CachedLoss> cachedLoss() {
        boolean plain = config.penalties() == Regularization.NONE
                && (config.loss() == Reconstruction.MSE || fromLogits)
                && config.hidden().inGraph() && config.code().inGraph() && config.output().inGraph();
        if (!plain) {
            return Optional.empty();
        }
        int[] s = config.sizes();
        int[] up = new int[s.length - 1];
        int[] down = new int[s.length - 1];
        for (int i = 1; i < s.length; i++) {
            up[i - 1] = s[i];
            down[i - 1] = s[s.length - 1 - i];
        }
        Graph g = new Graph();
        Graph.Node x = g.input("data");
        Graph.Node code = g.mlp("encoder", x, up, config.hidden().graphName(), config.code().graphName());
        Graph.Node out = g.mlp("decoder", code, down, config.hidden().graphName(),
                fromLogits ? null : config.output().graphName());
        Graph.Node loss = fromLogits ? g.bceWithLogits("loss", out, x) : g.meanSquaredError("loss", out, x);
        return CachedLoss.on(manager, g, List.of("data"), network.block().getParameters().values(), loss);
    }

    /** The training loss of a batch; fills {@code terms} with each part's value for the history. */
    NDArray lossTerms(NDArray x, Map<String, Double> terms) {
        Regularization p = config.penalties();
        NDArray code = network.forward(encoder, x, true);
        NDArray out = network.forward(decoder, code, true);
        NDArray reconstruction = fromLogits ? Losses.binaryCrossEntropyWithLogits(out, x) : reconstructionLoss(x, out);
        NDArray total = reconstruction;
        terms.put(config.loss().name().toLowerCase(java.util.Locale.ROOT), (double) reconstruction.getFloat());
        if (p.activityL1() > 0) {
            NDArray l1 = Scalars.mul(Losses.l1Activity(code), p.activityL1());
            terms.put("l1_activity", (double) l1.getFloat());
            total = total.add(l1);
        }
        if (p.sparsityBeta() > 0) {
            NDArray kl = Scalars.mul(Losses.klSparsity(code, p.sparsityRho(), p.sparsityMean()), p.sparsityBeta());
            terms.put("kl_sparsity", (double) kl.getFloat());
            total = total.add(kl);
        }
        if (p.penalisesWeights()) {
            List<NDArray> all = kernels();
            int codeLayer = config.sizes().length - 2;
            for (int k = 0; k < all.size(); k++) {
                NDArray kernel = all.get(k);
                // an op's result joins its first operand's manager: on the model's, every step's penalty
                // arrays would stay in native memory until the model closes (21 GB within 17 epochs of
                // 60,000). A view moved to the batch's manager takes them there (gradients flow through it).
                NDArray w = kernel.reshape(kernel.getShape());
                w.attach(x.getManager());
                boolean penalised = !p.codeLayerOnly() || k == codeLayer;
                if (p.weightDecay() > 0 && penalised) {
                    total = total.add(Scalars.mul(Losses.weightDecay(w), p.weightDecay()));
                }
                if (p.nonnegativity() > 0 && penalised) {
                    total = total.add(Scalars.mul(Losses.negativeWeightPenalty(w), p.nonnegativity()));
                }
            }
        }
        if (total != reconstruction) {
            terms.put("loss", (double) total.getFloat());
        }
        if (p != Regularization.NONE) {
            terms.put("code_mean", (double) code.mean().getFloat());
        }
        return total;
    }

    /** How many arrays the model's own manager holds (its parameters and optimizer state, nothing per step). */
    int arraysHeld() {
        return manager.getManagedArrays().size();
    }

    /** The weight matrices of every dense layer (not the biases). */
    List<NDArray> kernels() {
        List<NDArray> out = new ArrayList<>();
        for (Pair<String, Parameter> p : network.block().getParameters()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                out.add(p.getValue().getArray());
            }
        }
        return out;
    }

    /** The first layer's weights, one row of {@code sizes[0]} values per unit (the features it detects). */
    public float[][] firstLayerWeights() {
        NDArray w = kernels().get(0);
        int units = (int) w.getShape().get(0);
        int inputs = (int) w.getShape().get(1);
        float[] flat = w.toFloatArray();
        float[][] rows = new float[units][];
        for (int u = 0; u < units; u++) {
            rows[u] = Arrays.copyOfRange(flat, u * inputs, (u + 1) * inputs);
        }
        return rows;
    }

    /** Codes of every image, one row each. */
    public float[][] encode(ImageSet images) {
        return Rows.map(manager, images, x -> network.forward(encoder, x, false));
    }

    /** Images decoded from codes, one row each. */
    public float[][] decode(float[][] codes) {
        return Rows.map(manager, codes, z -> image(network.forward(decoder, z, false)));
    }

    /** Reconstructions of every image, one row each. */
    public float[][] reconstruct(ImageSet images) {
        return Rows.map(manager, images, x -> image(network.forward(x, false)));
    }

    /** The decoder's output as an image: its sigmoid when the decoder ends at the logits. */
    private NDArray image(NDArray out) {
        return fromLogits ? ai.djl.nn.Activation.sigmoid(out) : out;
    }

    /** Mean squared error per pixel over {@code images}. */
    public double reconstructionError(ImageSet images) {
        return Diagnostics.meanSquaredError(images, reconstruct(images));
    }

    @Override
    public void close() {
        manager.close();
    }
}
