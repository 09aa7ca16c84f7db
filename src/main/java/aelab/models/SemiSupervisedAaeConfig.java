package aelab.models;

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
 * @param styleCriticNoise the same noise for the style critic's inputs (prior draws and codes)
 * @param gradientClip each network's gradients are scaled down to this global L2 norm before its
 *     update when larger (0: never)
 * @param shift every training image (labelled or not) is moved by a random offset of at most this
 *     many pixels each way before each use (0: never); ours, not the paper's
 * @param styleAdversary weight of the term that keeps the class out of the style (0: off; ours): a
 *     small network learns to read the encoder's class from z, and the encoder learns to leave it
 *     guessing (cross-entropy of its guess against the uniform distribution)
 * @param consistency weight of the term that asks the encoder to give two differently moved copies
 *     of an unlabelled image the same class (0: off; ours, a consistency regularizer as in the
 *     Pi-model): cross-entropy of one copy's class probabilities against the other's, held fixed
 */
public record SemiSupervisedAaeConfig(String name, int classes, int style, int hidden, float dropout, float priorStd,
        float reconstructionRate, float regularizationRate, float classificationRate, int labelledBatch,
        float beta1, float criticNoise, List<Integer> rateDrops, boolean labelledReconstruction,
        float styleCriticNoise, float gradientClip, int shift, double turn, float styleAdversary,
        float consistency) {

    public SemiSupervisedAaeConfig {
        rateDrops = List.copyOf(rateDrops);
        if (shift < 0) {
            throw new IllegalArgumentException("shift must be 0 or more pixels, got " + shift);
        }
        if (turn < 0 || turn > 180) {
            throw new IllegalArgumentException("turn must be between 0 and 180 degrees, got " + turn);
        }
        if (styleAdversary < 0) {
            throw new IllegalArgumentException("styleAdversary must be 0 (off) or a positive weight, got " + styleAdversary);
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
        return new SemiSupervisedAaeConfig("aae-semi", 10, 2, 1000, 0.25f, 5f, 6e-4f, 8e-4f, 6e-4f, 100, 0.9f, 0f, List.of(), false, 0f, 0f, 0, 0, 0f, 0f);
    }

    /**
     * The same networks with what public reimplementations add (targets.md): Adam beta1 0.5,
     * rates stepped down tenfold (the paper's schedule idea), noise on the category critic's
     * inputs, and a 10-D N(0, 1) style so the categorical code need not carry the style.
     */
    public static SemiSupervisedAaeConfig refined(int epochs) {
        return new SemiSupervisedAaeConfig("aae-semi", 10, 10, 1000, 0.25f, 1f, 6e-4f, 8e-4f, 6e-4f, 100, 0.5f, 0.3f,
                IntStream.of(epochs / 2, epochs * 5 / 6).filter(e -> e > 0).distinct().boxed().toList(),
                false, 0f, 0f, 0, 0, 0f, 0f);
    }

    /**
     * A public Chainer reimplementation's settings (musyoku; about 4% error with 100 labels after
     * some 6.4 million samples): every rate 1e-4 and constant, Adam beta1 0.1, no dropout, noise of
     * std 0.3 on both critics' inputs, gradients clipped to norm 5, the labelled batch also rebuilt
     * from its true labels, a 10-D N(0, 1) style. Not its [-1, 1] pixels with tanh and MSE, nor its
     * N(0, 0.01) initial weights: ours keep [0, 1] pixels, a sigmoid and BCE.
     */
    public static SemiSupervisedAaeConfig reimplementation() {
        return new SemiSupervisedAaeConfig("aae-semi-reimpl", 10, 10, 1000, 0f, 1f, 1e-4f, 1e-4f, 1e-4f, 100, 0.1f,
                0.3f, List.of(), true, 0.3f, 5f, 0, 0, 0f, 0f);
    }

    public SemiSupervisedAaeConfig withHidden(int units) {
        return new SemiSupervisedAaeConfig(name, classes, style, units, dropout, priorStd, reconstructionRate, regularizationRate,
                classificationRate, labelledBatch, beta1, criticNoise, rateDrops, labelledReconstruction,
                styleCriticNoise, gradientClip, shift, turn, styleAdversary, consistency);
    }

    /** The same with a {@code dims}-wide style code whose prior is N(0, std^2). */
    public SemiSupervisedAaeConfig withStyle(int dims, float std) {
        return new SemiSupervisedAaeConfig(name, classes, dims, hidden, dropout, std, reconstructionRate, regularizationRate,
                classificationRate, labelledBatch, beta1, criticNoise, rateDrops, labelledReconstruction,
                styleCriticNoise, gradientClip, shift, turn, styleAdversary, consistency);
    }

    /** The same, also rebuilding each labelled batch from its true labels (or not). */
    public SemiSupervisedAaeConfig withLabelledReconstruction(boolean on) {
        return new SemiSupervisedAaeConfig(name, classes, style, hidden, dropout, priorStd, reconstructionRate, regularizationRate,
                classificationRate, labelledBatch, beta1, criticNoise, rateDrops, on,
                styleCriticNoise, gradientClip, shift, turn, styleAdversary, consistency);
    }

    /**
     * The refined preset with every training image moved by up to {@code pixels} pixels each way
     * before each use, the augmentation DEC-DA uses for clustering; ours, not the paper's.
     */
    public static SemiSupervisedAaeConfig shifted(int epochs, int pixels) {
        return refined(epochs).moving("aae-semi-shifted", pixels, 0);
    }

    /**
     * The refined preset on digits moved by up to {@code pixels} pixels each way and turned by up
     * to {@code degrees} either way before each use, labelled ones included (DEC-DA's augmentation
     * for clustering, which lifted DEC from 0.78 to 0.90 here); ours, not the paper's.
     */
    public static SemiSupervisedAaeConfig augmented(int epochs, int pixels, double degrees) {
        return refined(epochs).moving("aae-semi-augmented", pixels, degrees);
    }

    /** The same settings under {@code newName}, its images shifted and turned by up to these amounts. */
    private SemiSupervisedAaeConfig moving(String newName, int pixels, double degrees) {
        return new SemiSupervisedAaeConfig(newName, classes, style, hidden, dropout, priorStd, reconstructionRate,
                regularizationRate, classificationRate, labelledBatch, beta1, criticNoise, rateDrops,
                labelledReconstruction, styleCriticNoise, gradientClip, pixels, degrees, styleAdversary, consistency);
    }

    /**
     * The augmented preset with a consistency term of weight {@code weight} (see
     * {@link #consistency()}): the class of a digit should not change when it is moved; ours.
     */
    public static SemiSupervisedAaeConfig consistent(int epochs, int pixels, double degrees, float weight) {
        SemiSupervisedAaeConfig a = augmented(epochs, pixels, degrees);
        return a.withTerms("aae-semi-consistent", a.styleAdversary, weight);
    }

    /**
     * The refined preset with the class kept out of the style code by an adversary of weight
     * {@code weight} (see {@link #styleAdversary()}); ours, not the paper's.
     */
    public static SemiSupervisedAaeConfig independentStyle(int epochs, float weight) {
        SemiSupervisedAaeConfig r = refined(epochs);
        return r.withTerms("aae-semi-independent", weight, r.consistency);
    }

    /** The same settings under {@code newName}, with these weights for the two extra terms (ours). */
    private SemiSupervisedAaeConfig withTerms(String newName, float adversary, float agreement) {
        return new SemiSupervisedAaeConfig(newName, classes, style, hidden, dropout, priorStd, reconstructionRate,
                regularizationRate, classificationRate, labelledBatch, beta1, criticNoise, rateDrops,
                labelledReconstruction, styleCriticNoise, gradientClip, shift, turn, adversary, agreement);
    }

    /** The multiplier of every learning rate once {@code done} epochs are finished. */
    float rateFactor(int done) {
        return (float) Math.pow(0.1, rateDrops.stream().filter(e -> e <= done).count());
    }
}
