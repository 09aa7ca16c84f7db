package aelab.models;

import aelab.data.ImageSet;
import aelab.losses.Losses;
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
import ai.djl.training.tracker.Tracker;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A fully connected autoencoder: the encoder maps through {@code sizes} (784, ..., code), the
 * decoder mirrors it back. Trained with Adam on a mean squared error or binary cross-entropy.
 */
public final class DenseAutoencoder implements AutoCloseable {

    /** How reconstructions are scored. */
    public enum Reconstruction { MSE, BCE }

    /** Layer sizes from input to code, activations, loss, and Adam's learning rate. */
    public record Config(String name, int[] sizes, Activation hidden, Activation code, Activation output,
            Reconstruction loss, float learningRate) {
        public Config {
            if (sizes.length < 2) {
                throw new IllegalArgumentException("need at least an input and a code size, got "
                        + Arrays.toString(sizes));
            }
            sizes = sizes.clone();
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        public int codeSize() {
            return sizes[sizes.length - 1];
        }

        /** The ordinary autoencoder of the Keras blog: 784-32, ReLU code, sigmoid output, BCE. */
        public static Config basic32() {
            return new Config("dense-784-32", new int[] {784, 32}, Activation.RELU, Activation.RELU,
                    Activation.SIGMOID, Reconstruction.BCE, 1e-3f);
        }

        /** A small deep autoencoder for a first look: 784-128-32. */
        public static Config small() {
            return new Config("dense-784-128-32", new int[] {784, 128, 32}, Activation.RELU, Activation.RELU,
                    Activation.SIGMOID, Reconstruction.BCE, 1e-3f);
        }

        /** The stacked autoencoder of DEC/IDEC/ADEC: 784-500-500-2000-10, linear code and output, MSE. */
        public static Config stacked() {
            return new Config("dense-784-500-500-2000-10", new int[] {784, 500, 500, 2000, 10}, Activation.RELU,
                    Activation.LINEAR, Activation.LINEAR, Reconstruction.MSE, 1e-3f);
        }
    }

    private final Config config;
    private final NDManager manager;
    private final SequentialBlock encoder = new SequentialBlock();
    private final SequentialBlock decoder = new SequentialBlock();
    private final Network network;

    public DenseAutoencoder(Config config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        int[] s = config.sizes;
        for (int i = 1; i < s.length; i++) {
            encoder.add(Linear.builder().setUnits(s[i]).build());
            encoder.add((i == s.length - 1 ? config.code : config.hidden).asFunction());
        }
        for (int i = s.length - 2; i >= 0; i--) {
            decoder.add(Linear.builder().setUnits(s[i]).build());
            decoder.add((i == 0 ? config.output : config.hidden).asFunction());
        }
        SequentialBlock whole = new SequentialBlock().add(encoder).add(decoder);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(config.learningRate)).build();
        network = new Network(config.name, whole, adam, manager, new Shape(1, s[0]));
    }

    public Config config() {
        return config;
    }

    public Network network() {
        return network;
    }

    /** The reconstruction loss of a batch, as the config names it. */
    NDArray reconstructionLoss(NDArray x, NDArray xHat) {
        return config.loss == Reconstruction.MSE ? Losses.meanSquaredError(xHat, x) : Losses.binaryCrossEntropy(xHat, x);
    }

    /** Trains on {@code data}; listeners see the history after every epoch. */
    @SafeVarargs
    public final History fit(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        String term = config.loss == Reconstruction.MSE ? "mse" : "bce";
        return TrainingLoop.run(config.name, data, manager, options, batch -> {
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = reconstructionLoss(batch.x(), network.forward(batch.x(), true));
                gc.backward(loss);
                value = loss.getFloat();
            }
            network.step();
            return Map.of(term, value);
        }, List.of(listeners));
    }

    /** Codes of every image, one row each. */
    public float[][] encode(ImageSet images) {
        return map(images, x -> network.forward(encoder, x, false), config.codeSize());
    }

    /** Reconstructions of every image, one row each. */
    public float[][] reconstruct(ImageSet images) {
        return map(images, x -> network.forward(x, false), images.pixelsPerImage());
    }

    /** Mean squared error per pixel over {@code images}. */
    public double reconstructionError(ImageSet images) {
        float[][] out = reconstruct(images);
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            float[] x = images.image(i);
            for (int j = 0; j < x.length; j++) {
                double d = out[i][j] - x[j];
                sum += d * d;
            }
        }
        return sum / ((double) out.length * images.pixelsPerImage());
    }

    private float[][] map(ImageSet images, java.util.function.UnaryOperator<NDArray> f, int width) {
        float[][] rows = new float[images.size()][];
        int chunk = 1000;
        for (int from = 0; from < images.size(); from += chunk) {
            int to = Math.min(images.size(), from + chunk);
            try (NDManager sub = manager.newSubManager()) {
                float[] flat = f.apply(images.toNDArray(sub, from, to)).toFloatArray();
                for (int i = from; i < to; i++) {
                    rows[i] = Arrays.copyOfRange(flat, (i - from) * width, (i - from + 1) * width);
                }
            }
        }
        return rows;
    }

    @Override
    public void close() {
        manager.close();
    }
}
