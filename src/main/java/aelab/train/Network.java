package aelab.train;

import aelab.losses.Losses;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A block with its own optimizer. A model with several networks (a GAN, an adversarial
 * autoencoder) steps each one after its own phase; gradients are written, not accumulated, by
 * each backward pass, so a network is stepped only after a phase that reached it. PyTorch adds
 * each backward pass to the gradients instead, so on that engine a training forward pass first
 * zeroes them, which gives MXNet's behaviour.
 */
public final class Network {

    private final String name;
    private final Block block;
    private final Optimizer optimizer;
    private final ParameterStore store;
    private final boolean accumulates;
    private long steps;
    private final Map<String, NDArray> zeros = new HashMap<>(); // the gradients of an empty batch, made once

    /** Initialises {@code block}'s parameters for inputs of {@code inputShapes} in {@code manager}. */
    public Network(String name, Block block, Optimizer optimizer, NDManager manager, Shape... inputShapes) {
        this.name = name;
        this.block = block;
        this.optimizer = optimizer;
        this.store = new ParameterStore(manager, false);
        this.accumulates = !aelab.Engines.MXNET.equals(manager.getEngine().getEngineName());
        block.initialize(manager, DataType.FLOAT32, inputShapes);
    }

    private Network(String name, Network shared, Optimizer optimizer) {
        this.name = name;
        this.block = shared.block;
        this.optimizer = optimizer;
        this.store = shared.store;
        this.accumulates = shared.accumulates;
    }

    /**
     * The same block and parameters, stepped by another optimizer: the encoder of an adversarial
     * autoencoder has one for reconstruction and one for fooling the discriminator.
     */
    public Network withOptimizer(String otherName, Optimizer other) {
        return new Network(otherName, this, other);
    }

    public String name() {
        return name;
    }

    public Block block() {
        return block;
    }

    /** Optimizer steps this network's optimizer has taken (saved with checkpoints). */
    public long steps() {
        return steps;
    }

    void setSteps(long steps) {
        this.steps = steps;
    }

    /** Runs the block; {@code training} switches dropout and the like on. */
    public NDList forward(NDList input, boolean training) {
        zeroGradients(block, training);
        return block.forward(store, input, training);
    }

    /** Runs a one-input, one-output block. */
    public NDArray forward(NDArray input, boolean training) {
        return forward(new NDList(input), training).singletonOrThrow();
    }

    /** Runs a part of this network's block (an encoder, a decoder) with the same parameters. */
    public NDArray forward(Block part, NDArray input, boolean training) {
        zeroGradients(part, training);
        return part.forward(store, new NDList(input), training).singletonOrThrow();
    }

    private void zeroGradients(Block part, boolean training) {
        if (!accumulates || !training) {
            return;
        }
        for (Pair<String, Parameter> p : part.getParameters()) {
            NDArray weight = p.getValue().getArray();
            if (weight.hasGradient()) {
                try (NDArray grad = weight.getGradient()) {
                    grad.subi(grad);
                }
            }
        }
    }

    /** Applies one optimizer update with the gradients of the last backward pass. */
    public void step() {
        step(0);
    }

    /**
     * As {@link #step()}, first scaling the gradients down so that their global L2 norm (over every
     * parameter of this network) is at most {@code maxNorm}; 0 leaves them as they are.
     */
    public void step(float maxNorm) {
        if (maxNorm > 0) {
            clipGradientNorm(maxNorm);
        }
        update(false);
    }

    /**
     * One optimizer update with every gradient zero, which is what a step on an empty batch gives:
     * an optimizer with momentum (Adam) still moves the weights along its running mean.
     */
    public void emptyStep() {
        update(true);
    }

    private void update(boolean zeroGradients) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            if (zeroGradients) {
                optimizer.update(parameter.getId(), weight, zeros.computeIfAbsent(parameter.getId(), k -> weight.zerosLike()));
                continue;
            }
            // getGradient makes a new handle each call: close it, or native memory grows per step
            try (NDArray grad = weight.getGradient()) {
                optimizer.update(parameter.getId(), weight, grad);
            }
        }
        steps++;
    }

    /** Global gradient-norm clipping: g <- g * min(1, maxNorm / ||g||), ||g|| over all parameters. */
    private void clipGradientNorm(float maxNorm) {
        List<NDArray> grads = new ArrayList<>();
        double sq = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray g = p.getValue().getArray().getGradient();
                grads.add(g);
                try (NDArray squares = g.square(); NDArray sum = squares.sum()) {
                    sq += sum.getFloat();
                }
            }
        }
        double norm = Math.sqrt(sq);
        for (NDArray g : grads) {
            if (norm > maxNorm) {
                g.muli((float) (maxNorm / norm)); // in place: the handle shares the gradient's storage
            }
            g.close();
        }
    }

    /**
     * One training step of this network as a discriminator: {@code real} inputs labelled real,
     * {@code fake} ones fake (no gradient flows back into what made them). Returns its loss and
     * accuracy as {@code d_loss} and {@code d_accuracy}.
     */
    public Map<String, Double> criticStep(NDArray real, NDArray fake) {
        Map<String, Double> out = new LinkedHashMap<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray dReal = forward(real, true);
            NDArray dFake = forward(fake.stopGradient(), true);
            NDArray loss = Losses.discriminator(dReal, dFake);
            gc.backward(loss);
            out.put("d_loss", (double) loss.getFloat());
            out.put("d_accuracy", Losses.discriminatorAccuracy(dReal, dFake));
        }
        step();
        return out;
    }

    /** The number of trainable values. */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    @Override
    public String toString() {
        return name + " (" + parameterCount() + " parameters)";
    }
}
