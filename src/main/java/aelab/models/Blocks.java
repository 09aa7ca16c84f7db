package aelab.models;

import aelab.train.Adam;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.optimizer.Optimizer;

/** The building blocks and optimizers several models share. */
public final class Blocks {

    private Blocks() {}

    /** Two hidden ReLU layers of {@code hidden} units with dropout, then a dense output with the given activation. */
    public static Block mlp(int hidden, int out, float dropout, Activation output) {
        SequentialBlock b = new SequentialBlock();
        for (int i = 0; i < 2; i++) {
            b.add(Linear.builder().setUnits(hidden).build())
                    .add(Dropout.builder().optRate(dropout).build())
                    .add(Activation.RELU.asFunction());
        }
        return b.add(Linear.builder().setUnits(out).build()).add(output.asFunction());
    }

    /** An image discriminator: leaky-ReLU layers of the given sizes, then one logit. */
    public static Block critic(int... hidden) {
        SequentialBlock d = new SequentialBlock();
        for (int units : hidden) {
            d.add(Linear.builder().setUnits(units).build()).add(Activation.LEAKY_RELU.asFunction());
        }
        return d.add(Linear.builder().setUnits(1).build());
    }

    /** Uniform in ±1/sqrt(fan_in): PyTorch's default for a linear layer, Keras's VarianceScaling(1/3, fan_in, uniform). */
    public static Initializer fanInUniform(int fanIn) {
        return new UniformInitializer((float) (1 / Math.sqrt(fanIn)));
    }

    /** Uniform in ±sqrt(6 / (fan_in + fan_out)): Glorot/Xavier, TensorFlow's xavier_initializer(). */
    public static Initializer glorotUniform(long fanIn, long fanOut) {
        return new UniformInitializer((float) Math.sqrt(6.0 / (fanIn + fanOut)));
    }

    public static Optimizer adam(float rate) {
        return new Adam(rate);
    }
}
