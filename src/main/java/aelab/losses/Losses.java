package aelab.losses;

import aelab.nn.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The losses of the experiments as named functions. Each returns a scalar. "Per sample" means
 * summed over a sample's values and averaged over the batch; "mean" means averaged over every value.
 */
public final class Losses {

    private static final float EPS = 1e-7f;

    private Losses() {}

    /** mean over all values of (x - y)^2 */
    public static NDArray meanSquaredError(NDArray x, NDArray y) {
        return x.sub(y).square().mean();
    }

    /** mean over the rows of (1/2) sum over columns of (x - y)^2: Caffe's Euclidean loss, as the DEC paper's code trains with */
    public static NDArray euclidean(NDArray x, NDArray y) {
        return Scalars.mul(x.sub(y).square().sum(new int[] {1}).mean(), 0.5f);
    }

    /** mean over all values of -(y log p + (1 - y) log(1 - p)), p clipped into [eps, 1 - eps] */
    public static NDArray binaryCrossEntropy(NDArray p, NDArray y) {
        // + 0 * p keeps a NaN in p a NaN (clipping alone turns it into a bound, hiding it from the divergence guard)
        NDArray q = p.clip(EPS, 1 - EPS).add(Scalars.mul(p, 0));
        return y.mul(q.log()).add(y.neg().add(1).mul(q.neg().add(1).log())).neg().mean();
    }

    /** mean over all values of softplus(x) - x y = log(1 + e^x) - x y: BCE of sigmoid(x), stable for any logit x */
    public static NDArray binaryCrossEntropyWithLogits(NDArray logits, NDArray y) {
        // one softplus kernel (overflow-safe in both engines) instead of six element-wise ops: 5x faster here
        return Activation.softPlus(logits).sub(logits.mul(y)).mean();
    }

    /** per sample -sum_k y_k log softmax(x)_k, y one-hot (or any distribution): softmax cross-entropy from logits x */
    public static NDArray crossEntropy(NDArray logits, NDArray y) {
        return logits.logSoftmax(1).mul(y).sum(new int[] {1}).neg().mean();
    }

    /**
     * mean over all values of log(1 - sigmoid(x)) = -softplus(x): the generator's
     * term of the original minimax GAN loss, to be minimised; its gradient fades while the
     * discriminator rejects the fakes with confidence, so it never drowns the generator's other terms
     */
    public static NDArray minimaxGenerator(NDArray logits) {
        return Activation.softPlus(logits).mean().neg();
    }

    /**
     * per sample: sum_j [(x_j - m_j)^2 / (2 sigma^2) + log(sigma sqrt(2 pi))], the negative log
     * likelihood of x under N(m, sigma^2 I)
     */
    public static NDArray gaussianNegativeLogLikelihood(NDArray mean, NDArray x, float sigma) {
        double constant = Math.log(sigma * Math.sqrt(2 * Math.PI));
        return Scalars.div(x.sub(mean).square(), 2 * sigma * sigma).add((float) constant).sum(new int[] {1}).mean();
    }

    /** BCE(sigmoid(real), 1) + BCE(sigmoid(fake), 0) = mean softplus(-real) + mean softplus(fake): a discriminator's loss on logits */
    public static NDArray discriminator(NDArray realLogits, NDArray fakeLogits) {
        return Activation.softPlus(realLogits.neg()).mean().add(Activation.softPlus(fakeLogits).mean());
    }

    /** BCE(sigmoid(fake), 1) = mean softplus(-fake): the non-saturating generator loss, to be minimised */
    public static NDArray nonSaturatingGenerator(NDArray fakeLogits) {
        return Activation.softPlus(fakeLogits.neg()).mean();
    }

    /** Share of real logits above 0 and fake ones at or below 0: how often the discriminator is right. */
    public static double discriminatorAccuracy(NDArray realLogits, NDArray fakeLogits) {
        long correct = realLogits.gt(0).sum().getLong() + fakeLogits.lte(0).sum().getLong();
        return correct / (double) (realLogits.size() + fakeLogits.size());
    }

    /** per sample: -1/2 sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j)) = KL(N(mu, exp(logvar)) || N(0, I)) */
    public static NDArray klToStandardNormal(NDArray mu, NDArray logVar) {
        return Scalars.mul(logVar.add(1).sub(mu.square()).sub(logVar.exp()).sum(new int[] {1}), -0.5f).mean();
    }

    /**
     * sum_j [rho log(rho / r_j) + (1 - rho) log((1 - rho) / (1 - r_j))], r_j = mean activation of
     * unit j over the batch (activations in (0, 1)); divided by the number of units when {@code mean}
     */
    public static NDArray klSparsity(NDArray codes, float rho, boolean mean) {
        NDArray r = codes.mean(new int[] {0}).clip(EPS, 1 - EPS);
        NDArray kl = Scalars.mul(Scalars.mul(Scalars.pow(r, -1), rho).log(), rho)
                .add(Scalars.mul(Scalars.mul(Scalars.pow(r.neg().add(1), -1), 1 - rho).log(), 1 - rho));
        return mean ? kl.mean() : kl.sum();
    }

    /** per sample: sum_j |h_j| (an L1 activity penalty on the code, before its weight) */
    public static NDArray l1Activity(NDArray codes) {
        return codes.abs().sum(new int[] {1}).mean();
    }

    /** 1/2 sum of w^2 over the negative entries of w only (the nonnegativity penalty of NCAE) */
    public static NDArray negativeWeightPenalty(NDArray weights) {
        return Scalars.mul(Scalars.minimum(weights, 0).square().sum(), 0.5f);
    }

    /** 1/2 sum of w^2 (L2 weight decay, before its weight) */
    public static NDArray weightDecay(NDArray weights) {
        return Scalars.mul(weights.square().sum(), 0.5f);
    }

    /**
     * Student's t soft assignment of DEC: q_ij = (1 + |z_i - mu_j|^2 / alpha)^(-(alpha + 1) / 2),
     * each row normalised to sum to 1. z is (n, d), centres (k, d); the result is (n, k).
     */
    public static NDArray studentTAssignment(NDArray z, NDArray centres, float alpha) {
        NDArray d2 = z.expandDims(1).sub(centres.expandDims(0)).square().sum(new int[] {2});
        NDArray q = Scalars.pow(Scalars.div(d2, alpha).add(1), -(alpha + 1) / 2);
        return q.div(q.sum(new int[] {1}, true));
    }

    /**
     * DEC's target distribution: p_ij = (q_ij^2 / f_j) / sum_j' (q_ij'^2 / f_j'), with
     * f_j = sum_i q_ij the soft frequency of cluster j. Computed from Q over the whole data set.
     */
    public static NDArray targetDistribution(NDArray q) {
        NDArray w = q.square().div(q.sum(new int[] {0}, true));
        return w.div(w.sum(new int[] {1}, true));
    }

    /** per sample: sum_j p_j log(p_j / q_j) = KL(P || Q); P is a fixed target (no gradient through it) */
    public static NDArray klDivergence(NDArray p, NDArray q) {
        NDArray pc = p.clip(EPS, 1);
        return pc.mul(pc.log().sub(q.clip(EPS, 1).log())).sum(new int[] {1}).mean();
    }
}
