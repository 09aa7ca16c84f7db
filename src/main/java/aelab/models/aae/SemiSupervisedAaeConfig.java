package aelab.models.aae;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Settings of {@link SemiSupervisedAae}: the tutorial's (seed 003) and a refined preset.
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

    /** 784-1000-1000-(10 + 2), as the tutorial (seed 003); prior N(0, 5^2) on the style, constant rates. */
    public static SemiSupervisedAaeConfig tutorial() {
        return new SemiSupervisedAaeConfig("aae-semi", 10, 2, 1000, 0.25f, 5f, 6e-4f, 8e-4f, 6e-4f, 100, 0.9f, 0f,
                List.of(), false, 0, 0, 0f);
    }

    /**
     * The same networks with what public reimplementations add: Adam beta1 0.5, rates stepped down
     * tenfold twice near the end (the paper's schedule idea), noise on the category critic's inputs,
     * and a 10-D N(0, 1) style so the categorical code need not carry the style.
     */
    public static SemiSupervisedAaeConfig refined(int epochs) {
        return new SemiSupervisedAaeConfig("aae-semi", 10, 10, 1000, 0.25f, 1f, 6e-4f, 8e-4f, 6e-4f, 100, 0.5f, 0.3f,
                IntStream.of(epochs / 2, epochs * 5 / 6).filter(e -> e > 0).distinct().boxed().toList(),
                false, 0, 0, 0f);
    }

    /**
     * The refined preset on digits moved by up to {@code pixels} pixels each way and turned by up
     * to {@code degrees} either way before each use, labelled ones included (DEC-DA's augmentation
     * for clustering); ours, not the paper's.
     */
    public static SemiSupervisedAaeConfig augmented(int epochs, int pixels, double degrees) {
        SemiSupervisedAaeConfig r = refined(epochs);
        return new SemiSupervisedAaeConfig("aae-semi-augmented", r.classes, r.style, r.hidden, r.dropout, r.priorStd,
                r.reconstructionRate, r.regularizationRate, r.classificationRate, r.labelledBatch, r.beta1,
                r.criticNoise, r.rateDrops, r.labelledReconstruction, pixels, degrees, r.consistency);
    }

    /**
     * The augmented preset with a consistency term of weight {@code weight} (see
     * {@link #consistency()}): the class of a digit should not change when it is moved; ours.
     */
    public static SemiSupervisedAaeConfig consistent(int epochs, int pixels, double degrees, float weight) {
        SemiSupervisedAaeConfig a = augmented(epochs, pixels, degrees);
        return new SemiSupervisedAaeConfig("aae-semi-consistent", a.classes, a.style, a.hidden, a.dropout, a.priorStd,
                a.reconstructionRate, a.regularizationRate, a.classificationRate, a.labelledBatch, a.beta1,
                a.criticNoise, a.rateDrops, a.labelledReconstruction, a.shift, a.turn, weight);
    }

    /** The same with {@code units} units in every hidden layer (quick mode's smaller networks). */
    public SemiSupervisedAaeConfig withHidden(int units) {
        return new SemiSupervisedAaeConfig(name, classes, style, units, dropout, priorStd, reconstructionRate,
                regularizationRate, classificationRate, labelledBatch, beta1, criticNoise, rateDrops,
                labelledReconstruction, shift, turn, consistency);
    }

    /** The same, also rebuilding each labelled batch from its true labels (or not). */
    public SemiSupervisedAaeConfig withLabelledReconstruction(boolean on) {
        return new SemiSupervisedAaeConfig(name, classes, style, hidden, dropout, priorStd, reconstructionRate,
                regularizationRate, classificationRate, labelledBatch, beta1, criticNoise, rateDrops, on, shift, turn,
                consistency);
    }

    /** The multiplier of every learning rate once {@code done} epochs are finished. */
    float rateFactor(int done) {
        return (float) Math.pow(0.1, rateDrops.stream().filter(e -> e <= done).count());
    }
}
