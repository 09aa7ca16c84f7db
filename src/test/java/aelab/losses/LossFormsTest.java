package aelab.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import aelab.Engines;
import aelab.nn.CachedLoss;
import aelab.nn.Graph;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every loss the cached MXNet graphs compute ({@link Graph}) against its eager form in {@link Losses}:
 * the same value and the same gradient on the same inputs. The graphs are a faster path to the same
 * arithmetic; this test is what keeps the two from drifting apart.
 */
class LossFormsTest {

    /** Values of the loss's inputs that need gradients, then of its fixed inputs (targets). */
    private record Case(String name, Function<Graph, Graph.Node> graph, Function<NDList, NDArray> eager,
            int parameters, float[][] values) {}

    private static final Shape SHAPE = new Shape(2, 3);
    private static final float[] LOGITS = {-2.5f, -0.3f, 0f, 0.4f, 1.7f, 6f};
    private static final float[] PROBABILITIES = {0.02f, 0.3f, 0.5f, 0.61f, 0.9f, 0.999f};
    private static final float[] TARGETS = {0f, 1f, 0.2f, 1f, 0.75f, 0f};

    private static List<Case> cases() {
        BiFunction<Graph, Integer, Graph.Node> p = (g, i) -> g.input("p" + i + "_weight");
        BiFunction<Graph, Integer, Graph.Node> t = (g, i) -> g.input("t" + i);
        // a cached graph needs one fed input: p + 0 t for the losses that take no targets
        Function<Graph, Graph.Node> alone = g -> g.op("elemwise_add", "p0_plus", java.util.Map.of(), p.apply(g, 0),
                g.scalar("_mul_scalar", "t0_zero", t.apply(g, 0), 0));
        return List.of(
            new Case("mean squared error", g -> g.meanSquaredError("l", p.apply(g, 0), t.apply(g, 0)),
                    in -> Losses.meanSquaredError(in.get(0), in.get(1)), 1, new float[][] {LOGITS, TARGETS}),
            new Case("binary cross-entropy", g -> g.binaryCrossEntropy("l", p.apply(g, 0), t.apply(g, 0), 1e-7f),
                    in -> Losses.binaryCrossEntropy(in.get(0), in.get(1)), 1, new float[][] {PROBABILITIES, TARGETS}),
            new Case("binary cross-entropy from logits", g -> g.bceWithLogits("l", p.apply(g, 0), t.apply(g, 0)),
                    in -> Losses.binaryCrossEntropyWithLogits(in.get(0), in.get(1)), 1, new float[][] {LOGITS, TARGETS}),
            new Case("KL to N(0, I)", g -> g.klToStandardNormal("l", alone.apply(g), p.apply(g, 1)),
                    in -> Losses.klToStandardNormal(in.get(0), in.get(1)), 2, new float[][] {LOGITS, TARGETS, TARGETS}),
            new Case("non-saturating generator", g -> g.meanSoftplus("l", alone.apply(g), true),
                    in -> Losses.nonSaturatingGenerator(in.get(0)), 1, new float[][] {LOGITS, TARGETS}),
            new Case("minus the minimax generator", g -> g.meanSoftplus("l", alone.apply(g), false),
                    in -> Losses.minimaxGenerator(in.get(0)).neg(), 1, new float[][] {LOGITS, TARGETS}));
    }

    @Test
    void everyGraphLossHasItsEagerFormsValueAndGradient() {
        Assumptions.assumeTrue(Engines.onMxnet(), "the cached graphs are MXNet's");
        Assumptions.assumeTrue(CachedLoss.enabled(), "cached graphs switched off");
        for (Case c : cases()) {
            try (NDManager m = NDManager.newBaseManager()) {
                // eager: the loss and the gradient of each input that takes one
                NDList eagerIn = new NDList();
                for (float[] v : c.values()) {
                    eagerIn.add(m.create(v, SHAPE));
                }
                for (int i = 0; i < c.parameters(); i++) {
                    eagerIn.get(i).setRequiresGradient(true);
                }
                float eagerLoss;
                List<float[]> eagerGrads = new ArrayList<>();
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = c.eager().apply(eagerIn);
                    gc.backward(loss);
                    eagerLoss = loss.getFloat();
                }
                for (int i = 0; i < c.parameters(); i++) {
                    eagerGrads.add(eagerIn.get(i).getGradient().toFloatArray());
                }
                // the graph: the same inputs, those with gradients bound as parameters
                Graph g = new Graph();
                Graph.Node out = c.graph().apply(g);
                List<Parameter> parameters = new ArrayList<>();
                List<String> data = new ArrayList<>();
                NDArray[] fed = new NDArray[c.values().length - c.parameters()];
                for (int i = 0; i < c.values().length; i++) {
                    if (i < c.parameters()) {
                        Parameter parameter = Parameter.builder().setName("p" + i + "_weight")
                                .setType(Parameter.Type.WEIGHT).build();
                        parameter.setArray(m.create(c.values()[i], SHAPE));
                        parameters.add(parameter);
                    } else {
                        data.add("t" + (i - c.parameters()));
                        fed[i - c.parameters()] = m.create(c.values()[i], SHAPE);
                    }
                }
                try (CachedLoss cached = CachedLoss.on(m, g, data, parameters, out).orElseThrow()) {
                    float graphLoss;
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray loss = cached.forward(fed).head();
                        gc.backward(loss);
                        graphLoss = loss.getFloat();
                    }
                    assertEquals(eagerLoss, graphLoss, 1e-5 * Math.max(1, Math.abs(eagerLoss)), c.name() + ": value");
                    for (int i = 0; i < c.parameters(); i++) {
                        assertArrayEquals(eagerGrads.get(i), parameters.get(i).getArray().getGradient().toFloatArray(),
                                1e-5f, c.name() + ": gradient of input " + i);
                    }
                }
            }
        }
    }
}
