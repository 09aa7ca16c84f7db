package aelab.nn;

import aelab.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.BiFunction;

/**
 * Arithmetic of an array with a constant that stays right under autograd on both engines; use these
 * instead of {@code x.mul(2f)}, {@code x.div(c)}, {@code x.pow(c)}, {@code x.minimum(c)} wherever a
 * gradient flows.
 *
 * <p>Why: DJL 0.36's PyTorch engine makes the constant a one-value tensor over a Java direct buffer
 * (no copy) and closes it as soon as the product is made. PyTorch's autograd keeps that tensor for
 * the backward pass (the gradient of c x is c times the incoming one), but once the JVM collects the
 * buffer the backward pass reads freed memory: a wrong gradient, now and then a NaN (ScalarsTest shows
 * it). Here the constant is a tensor PyTorch allocates itself, which autograd keeps alive. MXNet takes
 * the constant as an operator argument, so its path is unchanged.
 */
public final class Scalars {

    private Scalars() {}

    /** x * c */
    public static NDArray mul(NDArray x, float c) {
        return withConstant(x, c, NDArray::mul, NDArray::mul);
    }

    /** x / c */
    public static NDArray div(NDArray x, float c) {
        return withConstant(x, c, NDArray::div, NDArray::div);
    }

    /** x ^ c, element-wise */
    public static NDArray pow(NDArray x, float c) {
        return withConstant(x, c, NDArray::pow, NDArray::pow);
    }

    /** min(x, c), element-wise */
    public static NDArray minimum(NDArray x, float c) {
        return withConstant(x, c, NDArray::minimum, NDArray::minimum);
    }

    private static NDArray withConstant(NDArray x, float c, BiFunction<NDArray, Number, NDArray> byValue,
            BiFunction<NDArray, NDArray, NDArray> byArray) {
        if (Engines.MXNET.equals(x.getManager().getEngine().getEngineName())) {
            return byValue.apply(x, c);
        }
        // full() fills memory the engine owns; the Java handle can close, autograd holds its own reference
        try (NDArray constant = x.getManager().full(new Shape(), c, x.getDataType())) {
            return byArray.apply(x, constant);
        }
    }
}
