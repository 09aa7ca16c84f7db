package aelab.nn;

import aelab.Engines;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Optional;

/**
 * A training loss computed by one cached MXNet graph over a model's own parameter arrays: the
 * forward pass is one engine call and, inside a {@code GradientCollector}, so is the backward, which
 * writes each array's gradient where the model's {@code Network.step()} reads it. The dense
 * autoencoder's step is about 1.4x faster this way on one core (aelab.bench.CachedStepProbe); the
 * arithmetic is the same, so the losses agree with the layer-by-layer path. MXNet only: on another
 * engine, or with {@code -Daelab.cachedGraphs=false}, {@link #on} returns empty and the model keeps its
 * layer-by-layer step. Build one per
 * training run (it holds the arrays it was given) and close it after.
 */
public final class CachedLoss implements AutoCloseable {

    private final NDManager manager;
    private final MxSymbolBlock block;
    private final ParameterStore store;

    private CachedLoss(NDManager manager, MxSymbolBlock block) {
        this.manager = manager;
        this.block = block;
        this.store = new ParameterStore(manager, false);
    }

    /** False when the system property {@code aelab.cachedGraphs} is false: every model then steps layer by layer. */
    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("aelab.cachedGraphs", "true"));
    }

    /**
     * The graph {@code json} with data inputs {@code inputs} (in the order {@link #forward} takes them)
     * and every other argument bound, in the graph's order, to the arrays of {@code parameters};
     * empty unless the engine is MXNet.
     */
    public static Optional<CachedLoss> on(NDManager owner, String json, List<String> inputs, List<Parameter> parameters) {
        if (!enabled() || !Engines.MXNET.equals(owner.getEngine().getEngineName())) {
            return Optional.empty();
        }
        NDManager manager = owner.newSubManager();
        MxSymbolBlock block = new MxSymbolBlock(manager, Symbol.loadJson((MxNDManager) manager, json));
        block.setInputNames(inputs);
        List<Parameter> arguments = block.getDirectParameters().values();
        if (arguments.size() != parameters.size()) {
            manager.close();
            throw new IllegalArgumentException("the graph has " + arguments.size() + " parameters, the model "
                    + parameters.size() + ": they must be built from the same layers in the same order");
        }
        for (int i = 0; i < arguments.size(); i++) {
            NDArray shared = parameters.get(i).getArray();
            if (!arguments.get(i).getType().equals(parameters.get(i).getType())) {
                manager.close();
                throw new IllegalArgumentException("graph parameter " + arguments.get(i).getName() + " is a "
                        + arguments.get(i).getType() + ", the model's " + parameters.get(i).getName() + " a "
                        + parameters.get(i).getType() + ": the layers are in another order");
            }
            String name = shared.getName();
            arguments.get(i).setArray(shared);
            arguments.get(i).initialize(manager, DataType.FLOAT32); // marks it for gradients
            shared.setName(name);  // setArray renames the array; the model's name stays
        }
        return Optional.of(new CachedLoss(manager, block));
    }

    /**
     * The graph's outputs for one batch, the loss first (then any terms reported beside it): run it
     * inside a GradientCollector and call backward on the loss.
     */
    public NDList forward(NDArray... inputs) {
        return block.forward(store, new NDList(inputs), true);
    }

    @Override
    public void close() {
        manager.close();
    }
}
