package aelab.models.dense;

import aelab.models.Activation;

import java.util.Arrays;

/** A {@link DenseAutoencoder}'s layer sizes from input to code, activations, loss, Adam's learning rate and penalties. */
public record DenseAutoencoderConfig(String name, int[] sizes, Activation hidden, Activation code, Activation output,
        DenseAutoencoder.Reconstruction loss, float learningRate, Regularization penalties) {
    /** Written with the arrays' contents, so that a notebook printing it shows the sizes. */
    @Override
    public String toString() {
        return aelab.Records.toString(this);
    }


    public DenseAutoencoderConfig(String name, int[] sizes, Activation hidden, Activation code, Activation output,
            DenseAutoencoder.Reconstruction loss, float learningRate) {
        this(name, sizes, hidden, code, output, loss, learningRate, Regularization.NONE);
    }

    public DenseAutoencoderConfig {
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
    public static DenseAutoencoderConfig basic32() {
        return new DenseAutoencoderConfig("dense-784-32", new int[] {784, 32}, Activation.RELU, Activation.RELU,
                Activation.SIGMOID, DenseAutoencoder.Reconstruction.BCE, 1e-3f);
    }

    /** A small deep autoencoder for a first look: 784-128-32. */
    public static DenseAutoencoderConfig small() {
        return new DenseAutoencoderConfig("dense-784-128-32", new int[] {784, 128, 32}, Activation.RELU, Activation.RELU,
                Activation.SIGMOID, DenseAutoencoder.Reconstruction.BCE, 1e-3f);
    }

    /** The 784-32 autoencoder with an L1 activity penalty of the given weight on its ReLU code. */
    public static DenseAutoencoderConfig sparseL1(float weight) {
        return new DenseAutoencoderConfig("sparse-l1-" + weight, new int[] {784, 32}, Activation.RELU, Activation.RELU,
                Activation.SIGMOID, DenseAutoencoder.Reconstruction.BCE, 1e-3f, new Regularization(weight, 0, 0, false, 0, 0));
    }

    /**
     * 784-196 with a sigmoid code, KL sparsity toward {@code rho} weighted by {@code beta}
     * (summed over units, or averaged when {@code mean}), and L2 weight decay.
     */
    public static DenseAutoencoderConfig sparseKl(float rho, float beta, boolean mean, float weightDecay) {
        return new DenseAutoencoderConfig("sparse-kl-rho" + rho + "-beta" + beta + (mean ? "-mean" : "-sum") + "-wd" + weightDecay,
                new int[] {784, 196}, Activation.SIGMOID, Activation.SIGMOID, Activation.SIGMOID,
                DenseAutoencoder.Reconstruction.MSE, 1e-3f, new Regularization(0, beta, rho, mean, weightDecay, 0));
    }

    /**
     * As {@link #sparseKl} with the seed-004 post's mend written as Keras has it: {@code l2(l2)} on the
     * code layer alone, l2 * sum w^2 (our decay weighs 1/2 sum w^2, hence twice the weight).
     */
    public static DenseAutoencoderConfig sparseKlKerasDecay(float rho, float beta, float l2) {
        return new DenseAutoencoderConfig("sparse-kl-rho" + rho + "-beta" + beta + "-sum-l2code" + l2, new int[] {784, 196},
                Activation.SIGMOID, Activation.SIGMOID, Activation.SIGMOID, DenseAutoencoder.Reconstruction.MSE, 1e-3f,
                new Regularization(0, beta, rho, false, 2 * l2, 0, true));
    }

    /**
     * The collection's sparse notebook as it runs: 784-32 with a ReLU code and sigmoid output, MSE, KL
     * sparsity (rho 0.05, beta 3) summed over units, Keras's {@code l2(0.003)} on the code layer alone;
     * train it with Adam 1e-3 at batch 256.
     */
    public static DenseAutoencoderConfig sparseKlCollection() {
        return new DenseAutoencoderConfig("sparse-kl-collection", new int[] {784, 32}, Activation.RELU, Activation.RELU,
                Activation.SIGMOID, DenseAutoencoder.Reconstruction.MSE, 1e-3f,
                new Regularization(0, 3, 0.05f, false, 2 * 3e-3f, 0, true));
    }

    /** {@link #sparseKlCollection} without its weight decay: the blurry network the decay was to mend. */
    public static DenseAutoencoderConfig sparseKlCollectionNoDecay() {
        return sparseKlCollection().withPenalties("sparse-kl-collection-no-decay", new Regularization(0, 3, 0.05f, false, 0, 0, true));
    }

    /**
     * The collection's nonnegative notebook: as {@link #sparseKlCollection} with 0.003 * sum of squared
     * negative code-layer weights in place of the decay.
     */
    public static DenseAutoencoderConfig nonnegativeCollection() {
        return new DenseAutoencoderConfig("nonnegative-collection", new int[] {784, 32}, Activation.RELU, Activation.RELU,
                Activation.SIGMOID, DenseAutoencoder.Reconstruction.MSE, 1e-3f,
                new Regularization(0, 3, 0.05f, false, 0, 2 * 3e-3f, true));
    }

    /** NCAE: 784-196, per-sample 1/2 SSE, rho 0.05, beta 3, 1/2 * 3e-3 * sum of squared negative weights. */
    public static DenseAutoencoderConfig nonnegative() {
        return new DenseAutoencoderConfig("nonnegative-784-196", new int[] {784, 196}, Activation.SIGMOID, Activation.SIGMOID,
                Activation.SIGMOID, DenseAutoencoder.Reconstruction.SSE, 1e-3f, new Regularization(0, 3, 0.05f, false, 0, 3e-3f));
    }

    /** The same network with other penalties. */
    public DenseAutoencoderConfig withPenalties(String newName, Regularization p) {
        return new DenseAutoencoderConfig(newName, sizes, hidden, code, output, loss, learningRate, p);
    }

    /** The stacked autoencoder of DEC/IDEC/ADEC: 784-500-500-2000-10, linear code and output, MSE. */
    public static DenseAutoencoderConfig stacked() {
        return new DenseAutoencoderConfig("dense-784-500-500-2000-10", new int[] {784, 500, 500, 2000, 10}, Activation.RELU,
                Activation.LINEAR, Activation.LINEAR, DenseAutoencoder.Reconstruction.MSE, 1e-3f);
    }
}
