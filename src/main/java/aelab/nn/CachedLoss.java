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
 * autoencoder and the VAE train about 10% faster this way (aelab.bench.CachedPairs); the arithmetic
 * is the same, so the losses agree with the layer-by-layer path. MXNet only: on another
 * engine, or with {@code -Daelab.cachedGraphs=false}, {@link #on} returns empty and the model keeps its
 * layer-by-layer step. Build one per training run (it holds the arrays it was given) and close it after.
 */
public final class CachedLoss implements AutoCloseable {

    private final NDManager manager;
    private final MxSymbolBlock block;
    private final ParameterStore store;
    private final List<String> dataInputs;

    private CachedLoss(NDManager manager, MxSymbolBlock block, List<String> dataInputs) {
        this.manager = manager;
        this.block = block;
        this.store = new ParameterStore(manager, false);
        this.dataInputs = List.copyOf(dataInputs);
    }

    /** False when the system property {@code aelab.cachedGraphs} is false: every model then steps layer by layer. */
    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty("aelab.cachedGraphs", "true"));
    }

    /**
     * The graph's {@code outputs}, the loss first. {@code dataInputs} name the inputs fed at each call
     * (in the order {@link #forward} takes them); every other input of the graph is a parameter, bound
     * to the array of {@code parameters} at the same place in the graph's order of inputs. Empty unless
     * the engine is MXNet.
     */
    public static Optional<CachedLoss> on(NDManager owner, Graph graph, List<String> dataInputs,
            List<Parameter> parameters, Graph.Node... outputs) {
        if (!enabled() || !Engines.MXNET.equals(owner.getEngine().getEngineName())) {
            return Optional.empty();
        }
        List<String> declared = new java.util.ArrayList<>(graph.inputNames());
        declared.removeAll(dataInputs);
        if (declared.size() != parameters.size()) {
            throw new IllegalArgumentException("the graph has " + declared.size() + " parameters, the model "
                    + parameters.size() + ": they must be built from the same layers in the same order");
        }
        NDManager manager = owner.newSubManager();
        MxSymbolBlock block = new MxSymbolBlock(manager, Symbol.loadJson((MxNDManager) manager, graph.json(outputs)));
        block.setInputNames(dataInputs);
        // MXNet lists a graph's arguments in its own (depth-first) order: bind each by name
        for (Parameter argument : block.getDirectParameters().values()) {
            Parameter ours = parameters.get(declared.indexOf(argument.getName()));
            if (!argument.getType().equals(ours.getType())) {
                manager.close();
                throw new IllegalArgumentException("graph parameter " + argument.getName() + " is a " + argument.getType()
                        + ", the model's " + ours.getName() + " a " + ours.getType() + ": the layers are in another order");
            }
            NDArray shared = ours.getArray();
            String name = shared.getName();
            argument.setArray(shared);
            argument.initialize(manager, DataType.FLOAT32); // marks it for gradients
            shared.setName(name);  // setArray renames the array; the model's name stays
        }
        return Optional.of(new CachedLoss(manager, block, dataInputs));
    }

    /**
     * The graph's outputs for one batch, the loss first (then any terms reported beside it): run it
     * inside a GradientCollector and call backward on the loss.
     */
    public NDList forward(NDArray... inputs) {
        for (int i = 0; i < inputs.length; i++) {
            inputs[i].setName(dataInputs.get(i)); // the cached operator places its inputs by name
        }
        return block.forward(store, new NDList(inputs), true);
    }

    @Override
    public void close() {
        manager.close();
    }
}
