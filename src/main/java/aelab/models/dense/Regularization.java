package aelab.models.dense;

/**
 * Penalties added to a dense autoencoder's reconstruction loss; a weight of 0 switches one off.
 *
 * @param activityL1 weight of the L1 activity penalty on the code (per sample)
 * @param sparsityBeta weight of the KL sparsity penalty toward {@code sparsityRho}
 * @param sparsityRho target mean activation of each code unit (needs a sigmoid code)
 * @param sparsityMean average the KL sparsity over units instead of summing it
 * @param weightDecay weight of the L2 penalty 1/2 sum w^2 on the kernels (not biases)
 * @param nonnegativity weight of 1/2 sum of squared negative kernel entries (NCAE)
 * @param codeLayerOnly put the weight penalties (decay, nonnegativity) on the code layer's kernel alone
 *     (where a Keras {@code kernel_regularizer} on the encoding layer puts them), not on every layer (UFLDL)
 */
public record Regularization(float activityL1, float sparsityBeta, float sparsityRho, boolean sparsityMean,
        float weightDecay, float nonnegativity, boolean codeLayerOnly) {

    public static final Regularization NONE = new Regularization(0, 0, 0, false, 0, 0);

    public Regularization(float activityL1, float sparsityBeta, float sparsityRho, boolean sparsityMean,
            float weightDecay, float nonnegativity) {
        this(activityL1, sparsityBeta, sparsityRho, sparsityMean, weightDecay, nonnegativity, false);
    }

    public Regularization {
        if (activityL1 < 0 || sparsityBeta < 0 || weightDecay < 0 || nonnegativity < 0) {
            throw new IllegalArgumentException("penalty weights must be >= 0: " + this);
        }
        if (sparsityBeta > 0 && (sparsityRho <= 0 || sparsityRho >= 1)) {
            throw new IllegalArgumentException("the sparsity target rho must lie in (0, 1), got " + sparsityRho);
        }
    }

    public boolean penalisesWeights() {
        return weightDecay > 0 || nonnegativity > 0;
    }
}
