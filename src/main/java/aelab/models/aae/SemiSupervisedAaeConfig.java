package aelab.models.aae;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Settings of {@link SemiSupervisedAae}: the tutorial's (the AAE tutorial) and a refined preset.
 *
 * @param style dimensions of the style code z
 * @param labelledBatch labelled images per classification step
 * @param beta1 Adam's first-moment decay for every network
 * @param criticNoise standard deviation of Gaussian noise added to what the category critic sees
 *     (real one-hot vectors and the encoder's softmax alike), so it cannot win on exactness alone
 * @param rateDrops epochs after which every learning rate is divided by ten
 * @param labelledReconstruction whether the labelled batch is also rebuilt, from its true one-hot
 *     label and its style, so the decoder learns what each class code means
 * @param shift every training image (labelled or not) is moved by a random offset of at most this
 *     many pixels each way before each use (0: never); ours, not the paper's
 * @param turn wherever images are moved, each is also turned by up to this many degrees either way
 * @param consistency weight of the term that asks the encoder to give two differently moved copies
 *     of an unlabelled image the same class (0: off; ours, a consistency regularizer as in the
 *     Pi-model): cross-entropy of one copy's class probabilities against the other's, held fixed
 */
public record SemiSupervisedAaeConfig(String name, int classes, int style, int hidden, float dropout, float priorStd,
        float reconstructionRate, float regularizationRate, float classificationRate, int labelledBatch,
        float beta1, float criticNoise, List<Integer> rateDrops, boolean labelledReconstruction,
        int shift, double turn, float consistency) {

    public SemiSupervisedAaeConfig {
        rateDrops = List.copyOf(rateDrops);
        if (shift < 0) {
            throw new IllegalArgumentException("shift must be 0 or more pixels, got " + shift);
        }
        if (turn < 0 || turn > 180) {
            throw new IllegalArgumentException("turn must be between 0 and 180 degrees, got " + turn);
        }
        if (consistency < 0) {
            throw new IllegalArgumentException("consistency must be 0 (off) or a positive weight, got " + consistency);
        }
        if (consistency > 0 && shift == 0 && turn == 0) {
            throw new IllegalArgumentException("consistency compares two moved copies of each image: give a shift or a turn too");
        }
    }

    /** 784-1000-1000-(10 + 2), as the AAE tutorial; prior N(0, 5^2) on the style, constant rates. */
    public static SemiSupervisedAaeConfig tutorial() {
        return new Builder().build();
    }

    /**
     * The same networks with what public reimplementations add: Adam beta1 0.5, rates stepped down
     * tenfold twice near the end (the paper's schedule idea), noise on the category critic's inputs,
     * and a 10-D N(0, 1) style so the categorical code need not carry the style.
     */
    public static SemiSupervisedAaeConfig refined(int epochs) {
        return new Builder().style(10).priorStd(1f).beta1(0.5f).criticNoise(0.3f)
                .rateDrops(IntStream.of(epochs / 2, epochs * 5 / 6).filter(e -> e > 0).distinct().boxed().toList())
                .build();
    }

    /**
     * The refined preset on digits moved by up to {@code pixels} pixels each way and turned by up
     * to {@code degrees} either way before each use, labelled ones included (DEC-DA's augmentation
     * for clustering); ours, not the paper's.
     */
    public static SemiSupervisedAaeConfig augmented(int epochs, int pixels, double degrees) {
        return refined(epochs).toBuilder().name("aae-semi-augmented").shift(pixels).turn(degrees).build();
    }

    /**
     * The augmented preset with a consistency term of weight {@code weight} (see
     * {@link #consistency()}): the class of a digit should not change when it is moved; ours.
     */
    public static SemiSupervisedAaeConfig consistent(int epochs, int pixels, double degrees, float weight) {
        return augmented(epochs, pixels, degrees).toBuilder().name("aae-semi-consistent").consistency(weight).build();
    }

    /** The same with {@code units} units in every hidden layer (quick mode's smaller networks). */
    public SemiSupervisedAaeConfig withHidden(int units) {
        return toBuilder().hidden(units).build();
    }

    /** The same, also rebuilding each labelled batch from its true labels (or not). */
    public SemiSupervisedAaeConfig withLabelledReconstruction(boolean on) {
        return toBuilder().labelledReconstruction(on).build();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.classes = classes;
        b.style = style;
        b.hidden = hidden;
        b.dropout = dropout;
        b.priorStd = priorStd;
        b.reconstructionRate = reconstructionRate;
        b.regularizationRate = regularizationRate;
        b.classificationRate = classificationRate;
        b.labelledBatch = labelledBatch;
        b.beta1 = beta1;
        b.criticNoise = criticNoise;
        b.rateDrops = rateDrops;
        b.labelledReconstruction = labelledReconstruction;
        b.shift = shift;
        b.turn = turn;
        b.consistency = consistency;
        return b;
    }

    /** Builds a {@link SemiSupervisedAaeConfig}; starts from the AAE tutorial's values. */
    public static final class Builder {
        private String name = "aae-semi";
        private int classes = 10;
        private int style = 2;
        private int hidden = 1000;
        private float dropout = 0.25f;
        private float priorStd = 5f;
        private float reconstructionRate = 6e-4f;
        private float regularizationRate = 8e-4f;
        private float classificationRate = 6e-4f;
        private int labelledBatch = 100;
        private float beta1 = 0.9f;
        private float criticNoise;
        private List<Integer> rateDrops = List.of();
        private boolean labelledReconstruction;
        private int shift;
        private double turn;
        private float consistency;

        public Builder name(String v) { name = v; return this; }
        public Builder classes(int v) { classes = v; return this; }
        public Builder style(int v) { style = v; return this; }
        public Builder hidden(int v) { hidden = v; return this; }
        public Builder dropout(float v) { dropout = v; return this; }
        public Builder priorStd(float v) { priorStd = v; return this; }
        public Builder reconstructionRate(float v) { reconstructionRate = v; return this; }
        public Builder regularizationRate(float v) { regularizationRate = v; return this; }
        public Builder classificationRate(float v) { classificationRate = v; return this; }
        public Builder labelledBatch(int v) { labelledBatch = v; return this; }
        public Builder beta1(float v) { beta1 = v; return this; }
        public Builder criticNoise(float v) { criticNoise = v; return this; }
        public Builder rateDrops(List<Integer> v) { rateDrops = List.copyOf(v); return this; }
        public Builder labelledReconstruction(boolean v) { labelledReconstruction = v; return this; }
        public Builder shift(int v) { shift = v; return this; }
        public Builder turn(double v) { turn = v; return this; }
        public Builder consistency(float v) { consistency = v; return this; }

        public SemiSupervisedAaeConfig build() {
            return new SemiSupervisedAaeConfig(name, classes, style, hidden, dropout, priorStd, reconstructionRate,
                    regularizationRate, classificationRate, labelledBatch, beta1, criticNoise, rateDrops,
                    labelledReconstruction, shift, turn, consistency);
        }
    }

    /** The multiplier of every learning rate once {@code done} epochs are finished. */
    float rateFactor(int done) {
        return (float) Math.pow(0.1, rateDrops.stream().filter(e -> e <= done).count());
    }
}
