package aelab.models.conv;

import aelab.models.Activation;
import aelab.models.Blocks;
import aelab.models.Diagnostics;
import aelab.models.Rows;

import aelab.data.ImageSet;
import aelab.losses.Losses;
import aelab.nn.CachedLoss;
import aelab.nn.Graph;
import aelab.nn.TransposedConv2d;
import aelab.train.Checkpoint;
import aelab.train.Checkpointed;
import aelab.train.History;
import aelab.train.Network;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.optimizer.Optimizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A convolutional autoencoder for 28x28 images: strided convolutions down (28 -> 14 -> 7 with 2x2
 * kernels and stride 2), two dense layers to the code and two back, transposed convolutions up,
 * sigmoid output, mean squared error, Adam. Its config can build the network of the conv-autoencoder question that
 * does not learn, and each of the changes that fix it.
 */
public final class ConvAutoencoder implements AutoCloseable, Checkpointed {

    /** How the convolution kernels start. */
    public enum Init {
        /** truncated normal with standard deviation 1: TensorFlow's truncated_normal_initializer() as the asker called it */
        TRUNCATED_NORMAL,
        /** Glorot uniform: variance scaled to the fan-in and fan-out */
        XAVIER
    }

    /**
     * @param filters channels of the two convolutions (16, 32 in the conv-autoencoder question)
     * @param dense sizes of the dense layer and of the code
     * @param activation of every hidden layer and of the code
     * @param convInit initialisation of the encoder's two convolution kernels; every other weight is
     *     Glorot uniform and every bias zero, as in the question's code
     */
    public record Config(String name, int[] filters, int[] dense, Activation activation, Init convInit,
            float learningRate) {
        /** Written with the arrays' contents, so that a notebook printing it shows the sizes. */
        @Override
        public String toString() {
            return aelab.Records.toString(this);
        }

        public Config {
            filters = filters.clone();
            dense = dense.clone();
            if (filters.length != 2 || dense.length != 2) {
                throw new IllegalArgumentException("need two convolutions and two dense sizes");
            }
        }

        @Override
        public int[] filters() {
            return filters.clone();
        }

        @Override
        public int[] dense() {
            return dense.clone();
        }

        /** The network of the conv-autoencoder question: sigmoids everywhere, truncated-normal kernels, Adam 1e-4. */
        public static Config failing() {
            return new Config("conv-failing", new int[] {16, 32}, new int[] {256, 32}, Activation.SIGMOID,
                    Init.TRUNCATED_NORMAL, 1e-4f);
        }

        /** The same shape with ReLU, Xavier kernels and Adam 1e-3: it learns. */
        public static Config working() {
            return new Config("conv-working", new int[] {16, 32}, new int[] {256, 32}, Activation.RELU, Init.XAVIER,
                    1e-3f);
        }

        public Config with(String newName, Activation a, Init init, float lr) {
            return new Config(newName, filters, dense, a, init, lr);
        }
    }

    private final Config config;
    private final NDManager manager;
    private final SequentialBlock encoder = new SequentialBlock();
    private final SequentialBlock decoder = new SequentialBlock();
    private final Network network;

    public ConvAutoencoder(Config config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        Activation a = config.activation;
        int c1 = config.filters[0];
        int c2 = config.filters[1];
        int d1 = config.dense[0];
        int d2 = config.dense[1];
        boolean truncated = config.convInit == Init.TRUNCATED_NORMAL;
        // TensorFlow's fans for a 2x2 kernel: 4 x input channels and 4 x output channels
        Block conv1 = init(Conv2d.builder().setKernelShape(new Shape(2, 2)).optStride(new Shape(2, 2))
                .setFilters(c1).build(), truncated ? new TruncatedNormalInitializer(1f) : Blocks.glorotUniform(4, 4L * c1));
        Block conv2 = init(Conv2d.builder().setKernelShape(new Shape(2, 2)).optStride(new Shape(2, 2))
                .setFilters(c2).build(), truncated ? new TruncatedNormalInitializer(1f) : Blocks.glorotUniform(4L * c1, 4L * c2));
        encoder.add(x -> new ai.djl.ndarray.NDList(x.singletonOrThrow().reshape(-1, 1, 28, 28)))
                .add(conv1).add(a.asFunction())
                .add(conv2).add(a.asFunction())
                .add(x -> new ai.djl.ndarray.NDList(x.singletonOrThrow().reshape(-1, 7 * 7 * c2)))
                .add(dense(7 * 7 * c2, d1)).add(a.asFunction())
                .add(dense(d1, d2)).add(a.asFunction());
        // two output channels, of which only the first is used: MXNet 1.9.1's oneDNN transposed
        // convolution fails in backward with a single output channel
        decoder.add(dense(d2, d1)).add(a.asFunction())
                .add(dense(d1, 7 * 7 * c2)).add(a.asFunction())
                .add(x -> new ai.djl.ndarray.NDList(x.singletonOrThrow().reshape(-1, c2, 7, 7)))
                .add(init(new TransposedConv2d(c1, 2, 2), Blocks.glorotUniform(4L * c2, 4L * c1))).add(a.asFunction())
                .add(init(new TransposedConv2d(2, 2, 2), Blocks.glorotUniform(4L * c1, 4)))
                .add(x -> new ai.djl.ndarray.NDList(
                        ai.djl.nn.Activation.sigmoid(x.singletonOrThrow().get(new NDIndex(":, 0")).reshape(-1, 784))));
        SequentialBlock whole = new SequentialBlock().add(encoder).add(decoder);
        Optimizer adam = Blocks.adam(config.learningRate);
        network = new Network(config.name, whole, adam, manager, new Shape(1, 784));
    }

    private static Block dense(int in, int out) {
        return init(Linear.builder().setUnits(out).build(), Blocks.glorotUniform(in, out));
    }

    private static Block init(Block block, Initializer weights) {
        block.setInitializer(weights, Parameter.Type.WEIGHT);
        return block;
    }

    public Config config() {
        return config;
    }

    public Network network() {
        return network;
    }

    @SafeVarargs
    public final History fit(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        try (CachedLoss cached = cachedLoss().orElse(null)) {
            return TrainingLoop.run(config.name, data, manager, options,
                    batch -> Map.of("mse", step(batch.x(), cached)), List.of(listeners));
        }
    }

    /** One Adam step on a batch of images (rows of 784 pixels), through {@code cached} where not null; returns its MSE. */
    double step(NDArray x, CachedLoss cached) {
        double value;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray loss = cached != null ? cached.forward(x).head() : Losses.meanSquaredError(network.forward(x, true), x);
            gc.backward(loss);
            value = loss.getFloat();
        }
        network.step();
        return value;
    }

    NDManager manager() {
        return manager;
    }

    /** The same network and loss as one cached MXNet graph ({@link CachedLoss}); empty where it cannot be. */
    Optional<CachedLoss> cachedLoss() {
        if (!config.activation.inGraph()) {
            return Optional.empty();
        }
        String a = config.activation.graphName();
        int c1 = config.filters[0];
        int c2 = config.filters[1];
        Graph g = new Graph();
        Graph.Node x = g.input("data");
        Graph.Node h = g.reshape("image", x, -1, 1, 28, 28);
        h = g.activation("conv1_act", g.convolution("conv1", h, c1, 2, 2), a);
        h = g.activation("conv2_act", g.convolution("conv2", h, c2, 2, 2), a);
        h = g.mlp("encoder", g.reshape("flat", h, -1, 7L * 7 * c2), config.dense, a, a);
        h = g.mlp("decoder", h, new int[] {config.dense[0], 7 * 7 * c2}, a, a);
        h = g.reshape("maps", h, -1, c2, 7, 7);
        h = g.activation("up1_act", g.transposedConvolution("up1", h, c1, 2, 2), a);
        h = g.transposedConvolution("up2", h, 2, 2, 2); // two channels, the first used (see the constructor)
        h = g.activation("out", g.reshape("pixels", g.columns("first", h, 0, 1), -1, 784), "sigmoid");
        return CachedLoss.on(manager, g, List.of("data"), network.block().getParameters().values(),
                g.meanSquaredError("mse", h, x));
    }

    /** Codes, one row per image. */
    public float[][] encode(ImageSet images) {
        return Rows.map(manager, images, x -> network.forward(encoder, x, false));
    }

    public float[][] reconstruct(ImageSet images) {
        return Rows.map(manager, images, x -> network.forward(x, false));
    }

    /** Mean squared error per pixel. */
    public double reconstructionError(ImageSet images) {
        return Diagnostics.meanSquaredError(images, reconstruct(images));
    }

    public void save(Path file) {
        Checkpoint.save(file, List.of(network));
    }

    public void load(Path file) {
        Checkpoint.load(file, List.of(network));
    }

    @Override
    public void close() {
        manager.close();
    }
}
