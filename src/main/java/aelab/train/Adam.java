package aelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam with MXNet's fused update, as DJL's own, whose moment estimates are kept out of the
 * subnormal range (see {@link Subnormals}).
 */
public final class Adam extends Optimizer {

    private volatile float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon = 1e-8f;
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();

    public Adam(float learningRate, float beta1) {
        super(Optimizer.adam());
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = 0.999f;
    }

    public Adam(float learningRate) {
        this(learningRate, 0.9f);
    }

    /** Changes the step size from the next update on (a schedule that steps the rate down). */
    public void setLearningRate(float rate) {
        learningRate = rate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        // the bias corrections of both moments folded into the step size, as MXNet's adam_update expects
        float corrected = (float) (learningRate * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
        NDArray mean = means.computeIfAbsent(parameterId, k -> weight.zerosLike());
        NDArray variance = variances.computeIfAbsent(parameterId, k -> weight.zerosLike());
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight),
                learningRate, corrected, getWeightDecay(), rescaleGrad, clipGrad, beta1, beta2, epsilon, true, false);
        if (t % Subnormals.EVERY == 0) {
            Subnormals.flush(mean);
            Subnormals.flush(variance);
        }
    }
}
