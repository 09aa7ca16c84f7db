package aelab.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each loss against its formula computed by hand in plain Java on small arrays. */
class LossesTest {

    private NDManager m;

    @BeforeEach
    void open() {
        m = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        m.close();
    }

    private NDArray a(float[] v, int rows, int cols) {
        return m.create(v, new Shape(rows, cols));
    }

    @Test
    void meanSquaredError() {
        assertEquals((1 + 4 + 0 + 9) / 4.0, Losses.meanSquaredError(a(new float[] {1, 2, 3, 4}, 2, 2),
                a(new float[] {0, 0, 3, 7}, 2, 2)).getFloat(), 1e-6);
    }

    @Test
    void euclideanIsHalfTheSquaredDistancePerRowAveragedOverRows() {
        // rows (1, 2) vs (0, 0): 5; (3, 4) vs (3, 7): 9; half of each, averaged: 3.5
        assertEquals(3.5, Losses.euclidean(a(new float[] {1, 2, 3, 4}, 2, 2),
                a(new float[] {0, 0, 3, 7}, 2, 2)).getFloat(), 1e-6);
    }

    @Test
    void crossEntropyIsTheMeanNegativeLogSoftmaxOfTheTrueClass() {
        float[] logits = {2f, -1f, 0.5f, -40f, 3f, 40f};
        double expected = 0;
        int[] truth = {0, 2};
        for (int r = 0; r < 2; r++) {
            double z = 0;
            double max = Math.max(logits[3 * r], Math.max(logits[3 * r + 1], logits[3 * r + 2]));
            for (int k = 0; k < 3; k++) {
                z += Math.exp(logits[3 * r + k] - max);
            }
            expected -= logits[3 * r + truth[r]] - max - Math.log(z);
        }
        expected /= 2;
        float[] oneHot = {1, 0, 0, 0, 0, 1};
        assertEquals(expected, Losses.crossEntropy(a(logits, 2, 3), a(oneHot, 2, 3)).getFloat(), 1e-5);
    }

    @Test
    void minimaxGeneratorTermIsTheMeanLogOfOneMinusTheSigmoid() {
        float[] logits = {-30f, -3f, 0f, 2f, 15f, -0.5f};
        double expected = 0;
        for (float l : logits) {
            expected += Math.log1p(-1 / (1 + Math.exp(-l)));
        }
        expected /= logits.length;
        assertEquals(expected, Losses.minimaxGenerator(a(logits, 2, 3)).getFloat(), 1e-5);
    }

    @Test
    void binaryCrossEntropyOnProbabilitiesAndOnLogitsAgree() {
        float[] logits = {-3f, -0.5f, 0f, 2f, 7f, -20f};
        float[] y = {0f, 1f, 0.5f, 1f, 0f, 0.3f};
        double expected = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (1 / (1 + Math.exp(-logits[i])));
            expected += -(y[i] * Math.log(p[i]) + (1 - y[i]) * Math.log(1 - p[i]));
        }
        expected /= logits.length;
        assertEquals(expected, Losses.binaryCrossEntropyWithLogits(a(logits, 2, 3), a(y, 2, 3)).getFloat(), 1e-5);
        // the probability form clips p into [1e-7, 1 - 1e-7]: at logit -20 it must differ, which is
        // why the GAN losses take logits
        float clipped = Losses.binaryCrossEntropy(a(p, 2, 3), a(y, 2, 3)).getFloat();
        double lostAtMinus20 = 0.3 * (20 - -Math.log(1e-7)) / logits.length;
        assertEquals(expected - lostAtMinus20, clipped, 1e-3);
    }

    @Test
    void klOfAGaussianToTheStandardNormal() {
        float[] mu = {0.5f, -1f, 0f, 2f};
        float[] logVar = {0f, -1f, 1f, 0.3f};
        // two samples of two dimensions; KL = 1/2 sum (sigma^2 + mu^2 - 1 - log sigma^2), averaged over samples
        double total = 0;
        for (int i = 0; i < 4; i++) {
            total += 0.5 * (Math.exp(logVar[i]) + mu[i] * mu[i] - 1 - logVar[i]);
        }
        assertEquals(total / 2, Losses.klToStandardNormal(a(mu, 2, 2), a(logVar, 2, 2)).getFloat(), 1e-5);
        assertEquals(0, Losses.klToStandardNormal(a(new float[4], 2, 2), a(new float[4], 2, 2)).getFloat(), 1e-7);
    }

    @Test
    void klSparsitySumsOrAveragesOverUnits() {
        // three samples, two units: mean activations 0.2 and 0.5
        float[] h = {0.1f, 0.4f, 0.2f, 0.5f, 0.3f, 0.6f};
        double rho = 0.05;
        double expected = 0;
        for (double r : new double[] {0.2, 0.5}) {
            expected += rho * Math.log(rho / r) + (1 - rho) * Math.log((1 - rho) / (1 - r));
        }
        assertEquals(expected, Losses.klSparsity(a(h, 3, 2), 0.05f, false).getFloat(), 1e-5);
        assertEquals(expected / 2, Losses.klSparsity(a(h, 3, 2), 0.05f, true).getFloat(), 1e-5);
        float[] atTarget = {0.05f, 0.05f, 0.05f, 0.05f};
        assertEquals(0, Losses.klSparsity(a(atTarget, 2, 2), 0.05f, false).getFloat(), 1e-6);
    }

    @Test
    void penalties() {
        NDArray w = a(new float[] {-1f, 2f, -3f, 0.5f}, 2, 2);
        assertEquals(0.5 * (1 + 9), Losses.negativeWeightPenalty(w).getFloat(), 1e-6);
        assertEquals(0.5 * (1 + 4 + 9 + 0.25), Losses.weightDecay(w).getFloat(), 1e-6);
        assertEquals((3 + 3.5) / 2, Losses.l1Activity(w).getFloat(), 1e-6);
    }

    @Test
    void studentTAssignmentTargetAndKl() {
        float[] z = {0f, 0f, 3f, 1f, 1f, 1f};
        float[] mu = {0f, 0f, 2f, 2f};
        NDArray q = Losses.studentTAssignment(a(z, 3, 2), a(mu, 2, 2), 1f);
        double[][] expectedQ = new double[3][2];
        for (int i = 0; i < 3; i++) {
            double sum = 0;
            for (int j = 0; j < 2; j++) {
                double dx = z[2 * i] - mu[2 * j];
                double dy = z[2 * i + 1] - mu[2 * j + 1];
                expectedQ[i][j] = 1 / (1 + dx * dx + dy * dy);
                sum += expectedQ[i][j];
            }
            for (int j = 0; j < 2; j++) {
                expectedQ[i][j] /= sum;
            }
        }
        float[] qv = q.toFloatArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(expectedQ[i][j], qv[2 * i + j], 1e-6, "q[" + i + "][" + j + "]");
            }
        }
        NDArray p = Losses.targetDistribution(q);
        float[] pv = p.toFloatArray();
        double[] f = {0, 0};
        for (int i = 0; i < 3; i++) {
            f[0] += expectedQ[i][0];
            f[1] += expectedQ[i][1];
        }
        double kl = 0;
        for (int i = 0; i < 3; i++) {
            double w0 = expectedQ[i][0] * expectedQ[i][0] / f[0];
            double w1 = expectedQ[i][1] * expectedQ[i][1] / f[1];
            assertEquals(w0 / (w0 + w1), pv[2 * i], 1e-6);
            assertEquals(1.0, pv[2 * i] + pv[2 * i + 1], 1e-6, "each row of P sums to 1");
            kl += pv[2 * i] * Math.log(pv[2 * i] / qv[2 * i]) + pv[2 * i + 1] * Math.log(pv[2 * i + 1] / qv[2 * i + 1]);
            // P sharpens Q: the likelier cluster gets likelier
            int best = qv[2 * i] > qv[2 * i + 1] ? 0 : 1;
            assertEquals(true, pv[2 * i + best] >= qv[2 * i + best] - 1e-6);
        }
        assertEquals(kl / 3, Losses.klDivergence(p, q).getFloat(), 1e-6);
    }

    @Test
    void discriminatorLossAndAccuracy() {
        NDArray real = a(new float[] {2f, -1f}, 2, 1);
        NDArray fake = a(new float[] {-3f, 0.5f}, 2, 1);
        double expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1))) / 2
                + (Math.log1p(Math.exp(-3)) + Math.log1p(Math.exp(0.5))) / 2;
        assertEquals(expected, Losses.discriminator(real, fake).getFloat(), 1e-5);
        // right on real 2 and fake -3, wrong on the other two
        assertEquals(0.5, Losses.discriminatorAccuracy(real, fake), 1e-12);
    }

    @Test
    void logitLossesStayFiniteAndTheirGradientIsSigmoidMinusTarget() {
        float[] logits = {-80f, -21f, -0.5f, 0f, 3f, 19f, 25f, 80f};
        float[] y = {0f, 0.3f, 1f, 0.5f, 0f, 1f, 0.2f, 1f};
        NDArray x = a(logits, 2, 4);
        x.setRequiresGradient(true);
        double expected = 0;
        try (ai.djl.training.GradientCollector gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            NDArray loss = Losses.binaryCrossEntropyWithLogits(x, a(y, 2, 4));
            gc.backward(loss);
            for (float l : logits) {
                expected += Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l)));
            }
            for (int i = 0; i < logits.length; i++) {
                expected -= logits[i] * y[i];
            }
            assertEquals(expected / logits.length, loss.getFloat(), 1e-4);
        }
        float[] grad = x.getGradient().toFloatArray();
        for (int i = 0; i < logits.length; i++) {
            double sigmoid = 1 / (1 + Math.exp(-logits[i]));
            assertEquals((sigmoid - y[i]) / logits.length, grad[i], 1e-7, "logit " + logits[i]);
        }
        // the generator losses: -log(1 - sigmoid(x)) fades, -log sigmoid(x) does not
        NDArray fake = a(new float[] {-80f, 0f, 80f}, 1, 3);
        assertEquals(-(0 + Math.log(2) + 80) / 3, Losses.minimaxGenerator(fake).getFloat(), 1e-4);
        assertEquals((80 + Math.log(2) + 0) / 3, Losses.nonSaturatingGenerator(fake).getFloat(), 1e-4);
    }

    @Test
    void gaussianNegativeLogLikelihood() {
        float[] m = {0.2f, 0.8f, 0.5f, 0.1f};
        float[] x = {0f, 1f, 0.4f, 0.4f};
        double sigma = 0.3;
        double expected = 0;
        for (int i = 0; i < 4; i++) {
            double d = x[i] - m[i];
            expected += d * d / (2 * sigma * sigma) + Math.log(sigma * Math.sqrt(2 * Math.PI));
        }
        assertEquals(expected / 2, Losses.gaussianNegativeLogLikelihood(a(m, 2, 2), a(x, 2, 2), 0.3f).getFloat(), 1e-5);
    }

    @Test
    void aNanPredictionIsNotHiddenByClipping() {
        float[] p = {0.5f, Float.NaN};
        float[] y = {1f, 0f};
        assertEquals(Float.NaN, Losses.binaryCrossEntropy(a(p, 1, 2), a(y, 1, 2)).getFloat());
    }
}
