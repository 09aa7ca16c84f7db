package aelab.bench;

import aelab.Lab;
import aelab.Mode;
import aelab.Threads;
import aelab.losses.Losses;
import aelab.models.DenseAutoencoder;
import aelab.nn.Graph;
import aelab.train.Adam;
import aelab.train.Network;
import ai.djl.engine.Engine;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.engine.MxSymbolBlock;
import ai.djl.mxnet.engine.Symbol;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;

/**
 * One training step of the benchmark's dense autoencoder (784-512-256-32-256-512-784, batch 128,
 * BCE from logits, Adam 1e-3) two ways, from the same weights on the same batches: layer by layer
 * through DJL (what the library does) and as one cached MXNet graph ({@link Graph}) whose forward
 * and backward are one engine call each. Prints ms per step of each, alternating in rounds, and
 * both losses after the last step (equal up to float rounding when the graph is right). MXNet
 * only. Run: {@code java -cp "target/classes:target/lib/*" aelab.bench.CachedStepProbe [steps] [rounds]}.
 */
public final class CachedStepProbe {

    private static final int[] SIZES = {784, 512, 256, 32, 256, 512, 784};
    private static final int BATCH = 128;

    private CachedStepProbe() {}

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Lab.start(1, Mode.FULL);
        try (DenseAutoencoder model = new DenseAutoencoder(ThroughputBenchmark.DENSE);
                NDManager manager = NDManager.newBaseManager();
                Threads threads = Threads.forWidth(784)) {
            Network network = model.network();
            MxSymbolBlock graph = graphOf(manager, network);
            ParameterStore store = new ParameterStore(manager, false);
            Adam adam = new Adam(1e-3f);
            float[][] batches = new float[10][BATCH * SIZES[0]];
            Random random = new Random(1);
            for (float[] b : batches) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = random.nextFloat() < 0.8f ? 0 : random.nextFloat();
                }
            }
            double layered = 0;
            double cached = 0;
            float[] last = new float[2];
            for (int r = 0; r <= rounds; r++) { // round 0 warms up
                long start = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    last[0] = layeredStep(manager, network, batches[s % batches.length]);
                }
                long middle = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    last[1] = cachedStep(manager, graph, store, adam, batches[s % batches.length]);
                }
                long end = System.nanoTime();
                if (r > 0) {
                    layered += (middle - start) / 1e6 / steps / rounds;
                    cached += (end - middle) / 1e6 / steps / rounds;
                }
            }
            System.out.printf("dense autoencoder, batch %d, %d steps x %d rounds each way%n", BATCH, steps, rounds);
            System.out.printf("  layer by layer (DJL):  %6.2f ms per step (%5.0f samples/s), last loss %.6f%n", layered,
                    BATCH * 1000 / layered, last[0]);
            System.out.printf("  one cached graph:      %6.2f ms per step (%5.0f samples/s), last loss %.6f%n", cached,
                    BATCH * 1000 / cached, last[1]);
            System.out.printf("  speed-up %.2fx%n", layered / cached);
        }
    }

    /** The same network as one graph ending at the loss, starting from a copy of the model's weights. */
    static MxSymbolBlock graphOf(NDManager manager, Network network) {
        Graph g = new Graph();
        Graph.Node x = g.input("data");
        Graph.Node target = g.input("label");
        Graph.Node h = x;
        for (int i = 1; i < SIZES.length; i++) {
            h = g.dense("fc" + i, h, SIZES[i]);
            if (i < SIZES.length - 1) {
                h = g.activation("relu" + i, h, "relu");
            }
        }
        Graph.Node loss = g.bceWithLogits("loss", h, target);
        MxSymbolBlock block = new MxSymbolBlock(manager, Symbol.loadJson((MxNDManager) manager, g.json(loss)));
        block.setInputNames(List.of("data", "label"));
        List<Parameter> ours = block.getDirectParameters().values();
        List<Parameter> theirs = network.block().getParameters().values();
        for (int i = 0; i < ours.size(); i++) {
            ours.get(i).setArray(theirs.get(i).getArray().duplicate());
            ours.get(i).initialize(manager, DataType.FLOAT32);
        }
        return block;
    }

    private static float layeredStep(NDManager manager, Network network, float[] pixels) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(pixels, new Shape(BATCH, SIZES[0]));
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.binaryCrossEntropyWithLogits(network.forward(x, true), x);
                gc.backward(loss);
                value = loss.getFloat();
            }
            network.step();
            return value;
        }
    }

    private static float cachedStep(NDManager manager, MxSymbolBlock graph, ParameterStore store, Adam adam,
            float[] pixels) {
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(pixels, new Shape(BATCH, SIZES[0]));
            float value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = graph.forward(store, new NDList(x, x), true).head();
                gc.backward(loss);
                value = loss.getFloat();
            }
            for (Parameter p : graph.getDirectParameters().values()) {
                try (NDArray grad = p.getArray().getGradient()) {
                    adam.update(p.getId(), p.getArray(), grad);
                }
            }
            return value;
        }
    }
}
