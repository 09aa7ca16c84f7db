package aelab.models.vae;

/**
 * A {@link VariationalAutoencoder}'s network, loss scaling, likelihood and learning rate, with the originals' presets.
 *
 * @param hidden sizes of the hidden layers of the encoder (mirrored by the decoder)
 * @param likelihood Bernoulli (BCE) or Gaussian reconstruction term
 * @param sigma the Gaussian likelihood's fixed standard deviation (unused for Bernoulli)
 * @param sigmaBug sample with std = exp(h) while the KL reads h as log variance: the
 *     log-sigma / log-variance confusion of the Keras blog, kept to show its effect
 * @param fanInInit weights and biases start uniform in ±1/sqrt(fan_in), PyTorch's default for a
 *     linear layer (else DJL's default: Xavier weights, zero biases)
 */
public record VariationalAutoencoderConfig(String name, int inputSize, int[] hidden, int latent,
        VariationalAutoencoder.Scaling scaling, boolean sigmaBug, float learningRate,
        VariationalAutoencoder.Likelihood likelihood, float sigma, boolean fanInInit) {
    /** Written with the arrays' contents, so that a notebook printing it shows the sizes. */
    @Override
    public String toString() {
        return aelab.Records.toString(this);
    }


    public VariationalAutoencoderConfig(String name, int inputSize, int[] hidden, int latent,
            VariationalAutoencoder.Scaling scaling, boolean sigmaBug, float learningRate) {
        this(name, inputSize, hidden, latent, scaling, sigmaBug, learningRate, VariationalAutoencoder.Likelihood.BERNOULLI, 1f, false);
    }

    public VariationalAutoencoderConfig {
        hidden = hidden.clone();
        if (latent < 1) {
            throw new IllegalArgumentException("latent size must be >= 1, got " + latent);
        }
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The Keras example: 784-512-2, summed BCE + KL, Adam 1e-3. */
    public static VariationalAutoencoderConfig keras2d() {
        return new VariationalAutoencoderConfig("vae-784-512-2", 784, new int[] {512}, 2, VariationalAutoencoder.Scaling.SUM, false, 1e-3f);
    }

    /**
     * pytorch/examples: 784-400-20, summed BCE + KL, Adam 1e-3, batch 128, from PyTorch's default
     * initial weights (with DJL's instead, the test loss after 10 epochs was 1 nat higher).
     */
    public static VariationalAutoencoderConfig pytorch20() {
        return new VariationalAutoencoderConfig("vae-784-400-20", 784, new int[] {400}, 20, VariationalAutoencoder.Scaling.SUM, false, 1e-3f,
                VariationalAutoencoder.Likelihood.BERNOULLI, 1f, true);
    }

    public VariationalAutoencoderConfig withScaling(VariationalAutoencoder.Scaling s) {
        return new VariationalAutoencoderConfig(name + "-" + s.name().toLowerCase(), inputSize, hidden, latent, s, sigmaBug, learningRate,
                likelihood, sigma, fanInInit);
    }

    public VariationalAutoencoderConfig withSigmaBug() {
        return new VariationalAutoencoderConfig(name + "-sigma-bug", inputSize, hidden, latent, scaling, true, learningRate, likelihood,
                sigma, fanInInit);
    }

    /** The same with a Gaussian reconstruction term of standard deviation {@code std}. */
    public VariationalAutoencoderConfig withGaussianLikelihood(float std) {
        return new VariationalAutoencoderConfig(name + "-gaussian" + std, inputSize, hidden, latent, scaling, sigmaBug, learningRate,
                VariationalAutoencoder.Likelihood.GAUSSIAN, std, fanInInit);
    }

    /** The same from PyTorch's default initial weights and biases, uniform in ±1/sqrt(fan_in). */
    public VariationalAutoencoderConfig withFanInInit() {
        return new VariationalAutoencoderConfig(name + "-fan-in-init", inputSize, hidden, latent, scaling, sigmaBug, learningRate,
                likelihood, sigma, true);
    }
}
