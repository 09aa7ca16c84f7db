package aelab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with momentum (MXNet's fused update, as DJL's own) whose momentum is kept out of the
 * subnormal range (see {@link Subnormals}).
 */
public final class Sgd extends Optimizer {

    private final float learningRate;
    private final float momentum;
    private final Map<String, NDArray> velocities = new ConcurrentHashMap<>();

    public Sgd(float learningRate, float momentum) {
        super(Optimizer.sgd());
        this.learningRate = learningRate;
        this.momentum = momentum;
    }

    /** The momentum of a parameter (for tests). */
    NDArray velocity(String parameterId) {
        return velocities.get(parameterId);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        if (momentum == 0) { // MXNet's plain sgd_update takes no momentum array
            weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad), new NDList(weight), learningRate,
                    getWeightDecay(), rescaleGrad, clipGrad, 0f, true);
            return;
        }
        NDArray velocity = velocities.computeIfAbsent(parameterId, k -> weight.zerosLike());
        weight.getNDArrayInternal().sgdUpdate(new NDList(weight, grad, velocity), new NDList(weight), learningRate,
                getWeightDecay(), rescaleGrad, clipGrad, momentum, true);
        if (t % Subnormals.EVERY == 0) {
            Subnormals.flush(velocity);
        }
    }
}
