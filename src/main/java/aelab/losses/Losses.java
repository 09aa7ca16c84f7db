package aelab.losses;

import ai.djl.ndarray.NDArray;

/**
 * The losses of the experiments as named functions. Each returns a scalar; "per sample" means
 * summed over a sample's values and averaged over the batch, "mean" means averaged over every value.
 */
public final class Losses {

    private static final float EPS = 1e-7f;

    private Losses() {}

    /** mean over all values of (x - y)^2 */
    public static NDArray meanSquaredError(NDArray x, NDArray y) {
        return x.sub(y).square().mean();
    }

    /** mean over all values of -(y log p + (1 - y) log(1 - p)), p clipped away from 0 and 1 */
    public static NDArray binaryCrossEntropy(NDArray p, NDArray y) {
        NDArray q = p.clip(EPS, 1 - EPS);
        return y.mul(q.log()).add(y.neg().add(1).mul(q.neg().add(1).log())).neg().mean();
    }
}
