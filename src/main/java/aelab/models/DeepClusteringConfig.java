package aelab.models;

import aelab.train.Sgd;
import ai.djl.training.optimizer.Optimizer;

/**
 * Settings of {@link DeepClustering}, with DEC-keras's, IDEC's and ADEC's values as presets.
 *
 * @param sizes the stacked autoencoder's encoder, input to code (784-500-500-2000-10)
 * @param pretraining the optimizer and initial weights of pre-training
 * @param clusterRate fine-tuning's learning rate: SGD's (momentum 0.9) 0.01 for DEC, 0.001 for ADEC;
 *     Adam's when {@code adamTuning}
 * @param updateInterval batches between recomputations of the target P (140 on the 70,000-image sets,
 *     30 on smaller ones: {@link #updateIntervalFor})
 * @param tolerance stop when fewer than this share of assignments change between updates (0.001)
 * @param klWeight weight of KL(P || Q) (IDEC: 0.1 beside the reconstruction)
 * @param adversarialWeight weight of the encoder's adversarial term (ADEC)
 * @param kmeansRestarts k-means++ runs on the codes, the best kept (20)
 * @param collapse compute P from each batch's own Q with the gradient flowing through it: the
 *     mistake that puts every sample into one cluster, kept to show it
 * @param pretrainShift pre-train on images moved by up to this many pixels each way (0: none)
 * @param tuneShift fine-tune on images moved by up to this many pixels each way, the target P still
 *     computed from the images as they are (DEC-DA's augmentation; 0: none)
 * @param rotation wherever images are shifted, also turn each by a random angle of at most this many
 *     degrees either way (DEC-DA: 10; 0: none)
 * @param adamTuning fine-tune with Adam instead of SGD: what IDEC's authors' code does on MNIST
 *     (Keras's Adam, rate 0.001), while the IDEC paper and DEC-keras give SGD
 * @param criticNoise ADEC: standard deviation of Gaussian noise added to every image its critic sees,
 *     real or reconstructed, so that it cannot win outright (instance noise; ours, not the paper's; 0: none)
 * @param decoderRate IDEC, ADEC: the learning rate of the decoder's own optimizer in fine-tuning, so that
 *     reconstructions keep up with the moving codes (ours; 0: {@code clusterRate}, the paper's single rate)
 */
public record DeepClusteringConfig(String name, DeepClustering.Method method, int clusters, int[] sizes, Pretraining pretraining,
        float clusterRate, int batchSize, int updateInterval, double tolerance, float klWeight,
        float adversarialWeight, int kmeansRestarts, boolean collapse, int pretrainShift, int tuneShift, double rotation, boolean adamTuning,
        float criticNoise, float decoderRate, float criticClip) {
    public DeepClusteringConfig {
        sizes = sizes.clone();
        if (pretrainShift < 0 || tuneShift < 0) {
            throw new IllegalArgumentException("shifts must be 0 or more pixels, got " + pretrainShift + " and " + tuneShift);
        }
        if (criticNoise < 0) {
            throw new IllegalArgumentException("critic noise must be 0 or more, got " + criticNoise);
        }
        if (decoderRate < 0) {
            throw new IllegalArgumentException("decoder rate must be 0 (the clustering rate) or more, got " + decoderRate);
        }
        if (criticClip < 0) {
            throw new IllegalArgumentException("critic clip must be 0 (the paper's critic) or more, got " + criticClip);
        }
        if (updateInterval < 1) {
            throw new IllegalArgumentException("the target P must be updated every 1 or more batches, got " + updateInterval);
        }
        if (rotation < 0) {
            throw new IllegalArgumentException("rotation must be 0 or more degrees, got " + rotation);
        }
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    public static DeepClusteringConfig dec() {
        return new DeepClusteringConfig("dec", DeepClustering.Method.DEC, 10, new int[] {784, 500, 500, 2000, 10}, Pretraining.decKeras(), 0.01f, 256, 140,
                0.001, 1f, 0f, 20, false, 0, 0, 0, false, 0f, 0f, 0f);
    }

    public static DeepClusteringConfig idec() {
        return new DeepClusteringConfig("idec", DeepClustering.Method.IDEC, 10, new int[] {784, 500, 500, 2000, 10}, Pretraining.decKeras(), 0.01f, 256, 140,
                0.001, 0.1f, 0f, 20, false, 0, 0, 0, false, 0f, 0f, 0f);
    }

    /**
     * ADEC with its adversarial term weighted 0.01. At the paper's weight of 1 the encoder,
     * free of any reconstruction term, moved every code to wherever the decoder drew an image
     * that fooled the critic: here the reconstruction error rose from 0.02 to 0.47 and every
     * digit ended in one cluster, the collapse seed 000 reports.
     */
    public static DeepClusteringConfig adec() {
        return new DeepClusteringConfig("adec", DeepClustering.Method.ADEC, 10, new int[] {784, 500, 500, 2000, 10}, Pretraining.decKeras(), 0.001f, 256, 140,
                0.001, 1f, 0.01f, 20, false, 0, 0, 0, false, 0f, 0f, 0f);
    }

    /** The same with another pre-training recipe. */
    public DeepClusteringConfig withPretraining(Pretraining p) {
        return new DeepClusteringConfig(name, method, clusters, sizes, p, clusterRate, batchSize, updateInterval, tolerance,
                klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, adamTuning, criticNoise, decoderRate, criticClip);
    }

    /** The same with the collapse mistake switched on. */
    public DeepClusteringConfig withCollapse() {
        return new DeepClusteringConfig(name + "-collapse", method, clusters, sizes, pretraining, clusterRate, batchSize,
                updateInterval, tolerance, klWeight, adversarialWeight, kmeansRestarts, true, pretrainShift, tuneShift, rotation, adamTuning, criticNoise, decoderRate, criticClip);
    }

    public DeepClusteringConfig withKmeansRestarts(int restarts) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, restarts, collapse, pretrainShift, tuneShift, rotation, adamTuning, criticNoise, decoderRate, criticClip);
    }

    /** The same with another weight on ADEC's adversarial term. */
    public DeepClusteringConfig withAdversarialWeight(float weight) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, weight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, adamTuning, criticNoise, decoderRate, criticClip);
    }

    /**
     * The originals' interval between updates of P for a data set of {@code images}: 140 batches on
     * the 70,000-image MNIST and Fashion-MNIST, 30 on sets of about 10,000 (DEC-keras's and IDEC's
     * USPS, DEC-DA's MNIST-test), so that P is renewed about once an epoch or more often on either.
     */
    public static int updateIntervalFor(int images) {
        return images >= 50_000 ? 140 : 30;
    }

    /** The same with the target P recomputed every {@code batches} batches. */
    public DeepClusteringConfig withUpdateInterval(int batches) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, batches,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, adamTuning, criticNoise, decoderRate, criticClip);
    }

    /** The same fine-tuned at another rate, with the same optimizer. */
    public DeepClusteringConfig withClusterRate(float rate) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, rate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, adamTuning,
                criticNoise, decoderRate, criticClip);
    }

    /** The same fine-tuned with Adam at {@code rate} (see {@link #adamTuning()}). */
    public DeepClusteringConfig withAdamTuning(float rate) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, rate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, true, criticNoise, decoderRate, criticClip);
    }

    /** The same, fine-tuned on images moved by up to {@code pixels} pixels each way (see {@link #tuneShift()}). */
    public DeepClusteringConfig withTuneShift(int pixels) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, pixels, rotation, adamTuning, criticNoise, decoderRate, criticClip);
    }

    /** The same, pre-trained on images moved by up to {@code pixels} pixels each way. */
    public DeepClusteringConfig withPretrainShift(int pixels) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pixels, tuneShift, rotation, adamTuning, criticNoise, decoderRate, criticClip);
    }

    /** The same, with every shifted image also turned by up to {@code degrees} either way (see {@link #rotation()}). */
    public DeepClusteringConfig withRotation(double degrees) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, degrees, adamTuning, criticNoise, decoderRate, criticClip);
    }

    /** The same with instance noise of standard deviation {@code sigma} on the critic's inputs (see {@link #criticNoise()}). */
    public DeepClusteringConfig withCriticNoise(float sigma) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, adamTuning, sigma, decoderRate, criticClip);
    }

    /** The same with ADEC's decoder fine-tuned at its own rate (see {@link #decoderRate()}). */
    public DeepClusteringConfig withDecoderRate(float rate) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, adamTuning,
                criticNoise, rate, criticClip);
    }

    /** The same with ADEC's critic made a Wasserstein one, weights clipped to ±{@code clip} (see {@link #criticClip()}). */
    public DeepClusteringConfig withCriticClip(float clip) {
        return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize, updateInterval,
                tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift, tuneShift, rotation, adamTuning,
                criticNoise, decoderRate, clip);
    }

    /**
     * How the stacked autoencoder is pre-trained.
     *
     * @param sgd SGD with momentum (else Adam)
     * @param rate the learning rate
     * @param fanInUniform initial weights uniform in ±1/sqrt(fan_in), Keras's VarianceScaling(1/3,
     *     fan_in, uniform) as DEC-keras sets it (else DJL's default initializer)
     * @param greedyRate above 0, a greedy stage comes first (the DEC paper's): each encoder layer with
     *     its mirror decoder layer is trained alone as a denoising autoencoder, by SGD (momentum 0.9) at
     *     this rate, on the codes of the layers below; 0: none (DEC-keras)
     * @param dropout the greedy stage's corruption: dropout at this rate on each pair's hidden layer (but the
     *     code) and on its input (but the pixels)
     * @param interpolationWeight above 0, pre-training adds ACAI's interpolation critic with this weight on its
     *     term ({@link InterpolationCritic}; ACAI: 0.5); 0: none
     */
    public record Pretraining(String name, boolean sgd, float rate, boolean fanInUniform, float greedyRate, float dropout,
            float interpolationWeight) {

        public Pretraining {
            if (greedyRate < 0 || dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("need a greedy rate >= 0 and a dropout in [0, 1), got " + greedyRate
                        + " and " + dropout);
            }
            if (interpolationWeight < 0) {
                throw new IllegalArgumentException("the interpolation critic's weight must be 0 (none) or more, got "
                        + interpolationWeight);
            }
        }

        /** DEC-keras: SGD, learning rate 1, momentum 0.9, from VarianceScaling(1/3, fan_in, uniform) weights. */
        public static Pretraining decKeras() {
            return new Pretraining("SGD lr 1, momentum 0.9, fan-in uniform init", true, 1f, true, 0f, 0f, 0f);
        }

        /**
         * The DEC paper's: layer by layer as denoising autoencoders (dropout 0.2, SGD on Caffe's Euclidean
         * loss), then the whole stack end to end, here as DEC-keras does that part (SGD lr 1, fan-in uniform
         * init). The greedy rate is 0.01, not the paper's code's 0.1: at 0.1 the first pair, on pixels in
         * [0, 1] and without Caffe's momentum burn-in, stalled at the mean image's error and the codes shrank
         * to a norm of 0.24 (checks/GreedyPilot.java, 3 epochs a layer).
         */
        public static Pretraining decPaper() {
            return new Pretraining("greedy layer-wise denoising (dropout 0.2, SGD lr 0.01), then SGD lr 1 end to end",
                    true, 1f, true, 0.01f, 0.2f, 0f);
        }

        /**
         * DEC-keras's end-to-end pre-training with ACAI's interpolation critic beside it, as a third-party
         * reimplementation of ADEC pre-trains. The critic's weight is
         * 0.005, not ACAI's 0.5: ACAI trains with Adam, and under DEC-keras's SGD at rate 1 the weight
         * scales the step. At 0.5 the reconstruction error rose (0.084 after 10 epochs against the plain
         * recipe's 0.045) and the codes shrank to a norm of 0.25; 0.05 held it at twice the plain recipe's
         * after 30 epochs; 0.005 keeps it within 3% (checks/InterpolationPilot.java, seed 1). ACAI's own
         * Adam at 0.5 left it at 0.033 after 200 epochs, with codes of norm 0.37.
         */
        public static Pretraining interpolation() {
            return new Pretraining("SGD lr 1, momentum 0.9, fan-in uniform init, with ACAI's interpolation critic"
                    + " (weight 0.005)", true, 1f, true, 0f, 0f, 0.005f);
        }

        /** What this project used first: Adam 1e-3 from DJL's default weights (codes far apart). */
        public static Pretraining adam() {
            return new Pretraining("Adam 1e-3, DJL's default init", false, 1e-3f, false, 0f, 0f, 0f);
        }

        /** Whether the greedy layer-wise stage comes first. */
        public boolean greedy() {
            return greedyRate > 0;
        }

        /** Whether pre-training trains ACAI's interpolation critic beside the autoencoder. */
        public boolean interpolates() {
            return interpolationWeight > 0;
        }

        Optimizer optimizer() {
            return sgd ? new Sgd(rate, 0.9f) : Blocks.adam(rate);
        }
    }
}
