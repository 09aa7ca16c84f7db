package aelab.models.clustering;

import aelab.models.Blocks;

import aelab.train.Sgd;
import ai.djl.training.optimizer.Optimizer;

/**
 * Settings of {@link DeepClustering}, with DEC-keras's, IDEC's and ADEC's values as presets. Change one
 * setting with {@code toBuilder()}, for example {@code DeepClusteringConfig.idec().toBuilder().clusterRate(1f).build()}.
 *
 * @param sizes the stacked autoencoder's encoder, input to code (784-500-500-2000-10)
 * @param pretraining the optimizer and initial weights of pre-training
 * @param clusterRate fine-tuning's SGD rate (momentum 0.9): 0.01 for DEC and IDEC, 0.001 for ADEC
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
 */
public record DeepClusteringConfig(String name, DeepClustering.Method method, int clusters, int[] sizes, Pretraining pretraining,
        float clusterRate, int batchSize, int updateInterval, double tolerance, float klWeight,
        float adversarialWeight, int kmeansRestarts, boolean collapse, int pretrainShift, int tuneShift, double rotation) {
    /** Written with the arrays' contents, so that a notebook printing it shows the sizes. */
    @Override
    public String toString() {
        return aelab.Records.toString(this);
    }

    public DeepClusteringConfig {
        sizes = sizes.clone();
        if (pretrainShift < 0 || tuneShift < 0) {
            throw new IllegalArgumentException("shifts must be 0 or more pixels, got " + pretrainShift + " and " + tuneShift);
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

    /** DEC-keras: SGD at 0.01 on KL(P || Q) alone. */
    public static DeepClusteringConfig dec() {
        return new Builder("dec", DeepClustering.Method.DEC).build();
    }

    /** IDEC: DEC's settings with the reconstruction kept, KL weighted 0.1. */
    public static DeepClusteringConfig idec() {
        return new Builder("idec", DeepClustering.Method.IDEC).klWeight(0.1f).build();
    }

    /**
     * ADEC with its adversarial term weighted 0.01 and SGD at 0.001. At the paper's weight of 1 the
     * encoder, free of any reconstruction term, moved every code to wherever the decoder drew an image
     * that fooled the critic: the reconstruction error rose from 0.02 to 0.47 and every digit ended in
     * one cluster.
     */
    public static DeepClusteringConfig adec() {
        return new Builder("adec", DeepClustering.Method.ADEC).clusterRate(0.001f).adversarialWeight(0.01f).build();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(name, method);
        b.clusters = clusters;
        b.sizes = sizes.clone();
        b.pretraining = pretraining;
        b.clusterRate = clusterRate;
        b.batchSize = batchSize;
        b.updateInterval = updateInterval;
        b.tolerance = tolerance;
        b.klWeight = klWeight;
        b.adversarialWeight = adversarialWeight;
        b.kmeansRestarts = kmeansRestarts;
        b.collapse = collapse;
        b.pretrainShift = pretrainShift;
        b.tuneShift = tuneShift;
        b.rotation = rotation;
        return b;
    }

    /** The same with the collapse mistake switched on (see {@link #collapse()}). */
    public DeepClusteringConfig withCollapse() {
        return toBuilder().name(name + "-collapse").collapse(true).build();
    }

    /**
     * The originals' interval between updates of P for a data set of {@code images}: 140 batches on
     * the 70,000-image MNIST and Fashion-MNIST, 30 on sets of about 10,000 (DEC-keras's and IDEC's
     * USPS, DEC-DA's MNIST-test), so that P is renewed about once an epoch or more often on either.
     */
    public static int updateIntervalFor(int images) {
        return images >= 50_000 ? 140 : 30;
    }

    /** Builds a {@link DeepClusteringConfig}; starts from DEC-keras's values. */
    public static final class Builder {
        private String name;
        private final DeepClustering.Method method;
        private int clusters = 10;
        private int[] sizes = {784, 500, 500, 2000, 10};
        private Pretraining pretraining = Pretraining.decKeras();
        private float clusterRate = 0.01f;
        private int batchSize = 256;
        private int updateInterval = 140;
        private double tolerance = 0.001;
        private float klWeight = 1f;
        private float adversarialWeight;
        private int kmeansRestarts = 20;
        private boolean collapse;
        private int pretrainShift;
        private int tuneShift;
        private double rotation;

        public Builder(String name, DeepClustering.Method method) {
            this.name = name;
            this.method = method;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder clusters(int v) { clusters = v; return this; }
        public Builder sizes(int... v) { sizes = v.clone(); return this; }
        public Builder pretraining(Pretraining v) { pretraining = v; return this; }
        public Builder clusterRate(float v) { clusterRate = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder updateInterval(int v) { updateInterval = v; return this; }
        public Builder tolerance(double v) { tolerance = v; return this; }
        public Builder klWeight(float v) { klWeight = v; return this; }
        public Builder adversarialWeight(float v) { adversarialWeight = v; return this; }
        public Builder kmeansRestarts(int v) { kmeansRestarts = v; return this; }
        public Builder collapse(boolean v) { collapse = v; return this; }
        public Builder pretrainShift(int v) { pretrainShift = v; return this; }
        public Builder tuneShift(int v) { tuneShift = v; return this; }
        public Builder rotation(double v) { rotation = v; return this; }

        public DeepClusteringConfig build() {
            return new DeepClusteringConfig(name, method, clusters, sizes, pretraining, clusterRate, batchSize,
                    updateInterval, tolerance, klWeight, adversarialWeight, kmeansRestarts, collapse, pretrainShift,
                    tuneShift, rotation);
        }
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
     */
    public record Pretraining(String name, boolean sgd, float rate, boolean fanInUniform, float greedyRate, float dropout) {

        public Pretraining {
            if (greedyRate < 0 || dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("need a greedy rate >= 0 and a dropout in [0, 1), got " + greedyRate
                        + " and " + dropout);
            }
        }

        /** DEC-keras: SGD, learning rate 1, momentum 0.9, from VarianceScaling(1/3, fan_in, uniform) weights. */
        public static Pretraining decKeras() {
            return new Pretraining("SGD lr 1, momentum 0.9, fan-in uniform init", true, 1f, true, 0f, 0f);
        }

        /**
         * The DEC paper's: layer by layer as denoising autoencoders (dropout 0.2, SGD on Caffe's Euclidean
         * loss), then the whole stack end to end as DEC-keras does it. The greedy rate is 0.01, not the
         * paper's code's 0.1: at 0.1 the first pair, on pixels in [0, 1] and without Caffe's momentum
         * burn-in, stalled at the mean image's error and the codes shrank to a norm of 0.24.
         */
        public static Pretraining decPaper() {
            return new Pretraining("greedy layer-wise denoising (dropout 0.2, SGD lr 0.01), then SGD lr 1 end to end",
                    true, 1f, true, 0.01f, 0.2f);
        }

        /** Adam 1e-3 from DJL's default weights: codes crowded together, the recipe whose DEC gains nothing. */
        public static Pretraining adam() {
            return new Pretraining("Adam 1e-3, DJL's default init", false, 1e-3f, false, 0f, 0f);
        }

        /** Whether the greedy layer-wise stage comes first. */
        public boolean greedy() {
            return greedyRate > 0;
        }

        Optimizer optimizer() {
            return sgd ? new Sgd(rate, 0.9f) : Blocks.adam(rate);
        }
    }
}
