package aelab.models.clustering;

import aelab.models.Activation;
import aelab.models.Blocks;

import aelab.data.ImageSet;
import aelab.data.Shifts;
import aelab.losses.Losses;
import aelab.nn.CachedLoss;
import aelab.nn.Graph;
import aelab.nn.Scalars;
import aelab.train.History;
import aelab.train.Network;
import aelab.train.Sgd;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * DEC's stacked autoencoder (784-500-500-2000-10 by default): ReLU between dense layers, linear
 * code and output, pre-trained end to end on the mean squared error.
 */
final class StackedAutoencoder {

    private final DeepClusteringConfig config;
    private final NDManager manager;
    private final Network encoder;
    private final Network decoder;

    StackedAutoencoder(DeepClusteringConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
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
        encoder = new Network("encoder", enc, config.pretraining().optimizer(), manager, new Shape(1, s[0]));
        decoder = new Network("decoder", dec, config.pretraining().optimizer(), manager, new Shape(1, s[s.length - 1]));
    }

    /** A dense layer; with the DEC-keras recipe its weights start uniform in ±1/sqrt(fan_in). */
    private Linear linear(int units, int fanIn) {
        Linear layer = Linear.builder().setUnits(units).build();
        if (config.pretraining().fanInUniform()) {
            layer.setInitializer(Blocks.fanInUniform(fanIn), Parameter.Type.WEIGHT);
        }
        return layer;
    }

    Network encoder() {
        return encoder;
    }

    Network decoder() {
        return decoder;
    }

    /**
     * Pre-trains on the mean squared error; with a pre-training shift, each batch is first moved
     * at random and the autoencoder reconstructs the moved images.
     */
    History pretrain(ImageSet data, TrainingLoop.Options options, List<Consumer<History>> listeners) {
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
            }, listeners);
        }
    }

    /**
     * The DEC paper's greedy stage: the encoder's layers one after another, each trained with its
     * mirror decoder layer as a one-hidden-layer denoising autoencoder that rebuilds the clean output
     * of the layers below, which stay fixed. As the paper's code does it: dropout on the hidden units
     * (not on the code) and on the input of every pair but the first (the pixels go in clean), and
     * Caffe's Euclidean loss ({@link Losses#euclidean}: per image, not per value, so its gradients are
     * half a layer's width times the mean squared error's). The epochs of {@code options} are split
     * evenly between the layers, lowest first.
     */
    History pretrainGreedy(ImageSet data, TrainingLoop.Options options, List<Consumer<History>> listeners) {
        DeepClusteringConfig.Pretraining p = config.pretraining();
        List<Block> up = linears(encoder);
        List<Block> down = linears(decoder);
        int layers = up.size();
        int batchesPerEpoch = (data.size() + options.batchSize() - 1) / options.batchSize();
        long[] steps = {(long) (options.done() == null ? 0 : options.done().size()) * batchesPerEpoch};
        // its momentum is not in the checkpoints: a resumed stage starts it again from zero
        Sgd sgd = new Sgd(p.greedyRate(), 0.9f);
        return TrainingLoop.run(config.name() + " greedy pre-training", data, manager, options, batch -> {
            int layer = (int) (steps[0]++ / batchesPerEpoch * layers / options.epochs());
            boolean code = layer == layers - 1;
            NDArray below = batch.x();
            for (int k = 0; k < layer; k++) { // the fixed layers underneath, without gradients
                below = ai.djl.nn.Activation.relu(encoder.forward(up.get(k), below, false));
            }
            Block enc = up.get(layer);
            Block dec = down.get(layers - 1 - layer);
            double mse;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray h = encoder.forward(enc, layer == 0 ? below : drop(below, p.dropout()), true);
                NDArray out = decoder.forward(dec, code ? h : drop(ai.djl.nn.Activation.relu(h), p.dropout()), true);
                if (layer > 0) {
                    out = ai.djl.nn.Activation.relu(out);
                }
                NDArray loss = Losses.euclidean(out, below);
                gc.backward(loss);
                mse = 2 * loss.getFloat() / below.getShape().get(1); // reported per value, as pre-training's
            }
            for (Block b : List.of(enc, dec)) {
                for (var param : b.getParameters()) {
                    try (NDArray grad = param.getValue().getArray().getGradient()) {
                        sgd.update(param.getValue().getId(), param.getValue().getArray(), grad);
                    }
                }
            }
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("mse", mse);
            out.put("layer", layer + 1.0);
            return out;
        }, listeners);
    }

    /** The dense layers of a network's block, in order. */
    private static List<Block> linears(Network network) {
        List<Block> out = new ArrayList<>();
        for (var child : ((SequentialBlock) network.block()).getChildren()) {
            if (child.getValue() instanceof Linear) {
                out.add(child.getValue());
            }
        }
        return out;
    }

    /** Inverted dropout: each value kept with probability 1 - rate and scaled by 1 / (1 - rate). */
    private static NDArray drop(NDArray x, float rate) {
        if (rate == 0) {
            return x;
        }
        NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape()).gte(rate).toType(DataType.FLOAT32, false);
        return x.mul(Scalars.div(keep, 1 - rate));
    }

    /**
     * Pre-training's mean squared error as one cached MXNet graph over the encoder's and decoder's
     * arrays ({@link CachedLoss}); empty on other engines or when {@code aelab.cachedGraphs} is false.
     */
    Optional<CachedLoss> cachedPretrainingLoss() {
        int[] s = config.sizes();
        int[] up = Arrays.copyOfRange(s, 1, s.length);
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
}
