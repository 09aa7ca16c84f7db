package aelab.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.function.Function;

/** The activations the experiments use, by name, so configs stay plain data. */
public enum Activation {
    LINEAR,
    RELU,
    SIGMOID,
    TANH,
    LEAKY_RELU;

    /** Applies the activation to one array. */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
            case TANH -> ai.djl.nn.Activation.tanh(x);
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyRelu(x, 0.2f);
        };
    }

    /** Whether a cached MXNet graph ({@link aelab.nn.Graph}) can hold it. */
    public boolean inGraph() {
        return this != LEAKY_RELU;
    }

    /** Its name in MXNet's Activation operator, for {@link aelab.nn.Graph}; null for LINEAR (no operator). */
    public String graphName() {
        return switch (this) {
            case LINEAR -> null;
            case RELU -> "relu";
            case SIGMOID -> "sigmoid";
            case TANH -> "tanh";
            case LEAKY_RELU -> throw new UnsupportedOperationException("no leaky ReLU in graphs yet");
        };
    }

    /** The activation as a function a DJL {@code LambdaBlock} takes. */
    public Function<NDList, NDList> asFunction() {
        return list -> new NDList(apply(list.singletonOrThrow()));
    }
}
