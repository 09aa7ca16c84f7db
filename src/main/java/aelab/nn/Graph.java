package aelab.nn;

import com.google.gson.Gson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An MXNet symbol graph written node by node, as the JSON that MXNet's {@code MXSymbolCreateFromJSON}
 * reads. A model built from it runs as one cached operator per forward pass (and one per backward)
 * instead of one engine call per layer, activation and loss term: on small networks the calls, not the
 * arithmetic, are where much of a step's time goes (bench/op_profile-amd-epyc.txt).
 */
public final class Graph {

    /** One node's output, as the graph refers to it. */
    public record Node(int index) {}

    private final List<Map<String, Object>> nodes = new ArrayList<>();
    private final List<Integer> arguments = new ArrayList<>();
    private final Map<String, Node> inputs = new LinkedHashMap<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();

    /**
     * A named input: data fed at each call, or a parameter (MXNet tells them apart by name only). Asked
     * for again by the same name, the same node: a layer built twice under one name shares its weights.
     */
    public Node input(String name) {
        Node known = inputs.get(name);
        if (known != null) {
            return known;
        }
        arguments.add(nodes.size());
        Node node = add("null", name, Map.of());
        inputs.put(name, node);
        return node;
    }

    /** Every input's name, data and parameters, in the order they were first asked for. */
    public List<String> inputNames() {
        return List.copyOf(inputs.keySet());
    }

    /** Any MXNet operator by its registered name, with its attributes as strings. */
    public Node op(String operator, String name, Map<String, String> attributes, Node... inputs) {
        return add(operator, name, attributes, inputs);
    }

    /** A dense layer, x W^T + b, creating its parameters {@code name_weight} and {@code name_bias}. */
    public Node dense(String name, Node x, int units) {
        Node w = input(name + "_weight");
        Node b = input(name + "_bias");
        return add("FullyConnected", name, Map.of("num_hidden", String.valueOf(units)), x, w, b);
    }

    /**
     * Dense layers of {@code units} from {@code x}, named {@code prefix1, prefix2, ...}, each followed by
     * the activation {@code hidden} except the last, followed by {@code last}; null means none (linear).
     */
    public Node mlp(String prefix, Node x, int[] units, String hidden, String last) {
        Node h = x;
        for (int i = 0; i < units.length; i++) {
            h = dense(prefix + (i + 1), h, units[i]);
            String type = i == units.length - 1 ? last : hidden;
            if (type != null) {
                h = activation(prefix + (i + 1) + "_" + type, h, type);
            }
        }
        return h;
    }

    /** A 2-D convolution with square {@code kernel}, {@code stride} and no padding, creating its parameters. */
    public Node convolution(String name, Node x, int filters, int kernel, int stride) {
        return convolution("Convolution", name, x, filters, kernel, stride);
    }

    /** A transposed 2-D convolution (MXNet's Deconvolution), weights (in, filters, k, k) as {@link TransposedConv2d}'s. */
    public Node transposedConvolution(String name, Node x, int filters, int kernel, int stride) {
        return convolution("Deconvolution", name, x, filters, kernel, stride);
    }

    private Node convolution(String operator, String name, Node x, int filters, int kernel, int stride) {
        Node w = input(name + "_weight");
        Node b = input(name + "_bias");
        return add(operator, name, Map.of("num_filter", String.valueOf(filters), "kernel", "(" + kernel + ", " + kernel + ")",
                "stride", "(" + stride + ", " + stride + ")", "no_bias", "False"), x, w, b);
    }

    /** The same values in another shape; -1 stands for what is left (the batch). */
    public Node reshape(String name, Node x, long... shape) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return add("Reshape", name, Map.of("shape", s.append(")").toString()), x);
    }

    /** An activation of MXNet's Activation operator: relu, sigmoid, tanh, softrelu. */
    public Node activation(String name, Node x, String type) {
        return add("Activation", name, Map.of("act_type", type), x);
    }

    /** An operator with one scalar operand: _mul_scalar, _plus_scalar, _div_scalar and the like. */
    public Node scalar(String operator, String name, Node x, float value) {
        return add(operator, name, Map.of("scalar", String.valueOf(value)), x);
    }

    /** Columns [begin, end) of a matrix. */
    public Node columns(String name, Node x, int begin, int end) {
        return add("slice_axis", name, Map.of("axis", "1", "begin", String.valueOf(begin), "end", String.valueOf(end)), x);
    }

    /** KL(N(mu, exp(logVar)) || N(0, I)) summed over units, averaged over the batch. */
    public Node klToStandardNormal(String name, Node mu, Node logVar) {
        Node onePlus = scalar("_plus_scalar", name + "_1lv", logVar, 1);
        Node minusMu2 = add("elemwise_sub", name + "_mu2", Map.of(), onePlus, add("square", name + "_sq", Map.of(), mu));
        Node minusVar = add("elemwise_sub", name + "_var", Map.of(), minusMu2, add("exp", name + "_exp", Map.of(), logVar));
        Node perSample = add("sum", name + "_sum", Map.of("axis", "1"), minusVar);
        return scalar("_mul_scalar", name, add("mean", name + "_mean", Map.of(), perSample), -0.5f);
    }

    /** Inverted dropout of rate {@code p} while training (MXNet's Dropout; nothing at p = 0). */
    public Node dropout(String name, Node x, float p) {
        return p == 0 ? x : add("Dropout", name, Map.of("p", String.valueOf(p)), x);
    }

    /** The arrays side by side along {@code axis}. */
    public Node concat(String name, int axis, Node... parts) {
        return add("Concat", name, Map.of("dim", String.valueOf(axis), "num_args", String.valueOf(parts.length)), parts);
    }

    /** mean of softplus(x), or of softplus(-x) when {@code negated}: the GAN losses from logits. */
    public Node meanSoftplus(String name, Node x, boolean negated) {
        Node in = negated ? scalar("_mul_scalar", name + "_neg", x, -1) : x;
        return add("mean", name, Map.of(), activation(name + "_softplus", in, "softrelu"));
    }

    /** Mean BCE of probabilities p against t, p clipped into [eps, 1 - eps]: -mean(t log q + (1 - t) log(1 - q)). */
    public Node binaryCrossEntropy(String name, Node p, Node targets, float eps) {
        Node clipped = add("clip", name + "_clip", Map.of("a_min", String.valueOf(eps), "a_max", String.valueOf(1 - eps)), p);
        // + 0 p keeps a NaN in p a NaN, as Losses.binaryCrossEntropy does, for the divergence guard
        Node q = add("elemwise_add", name + "_q", Map.of(), clipped, scalar("_mul_scalar", name + "_nan", p, 0));
        Node logQ = add("log", name + "_logq", Map.of(), q);
        Node log1mQ = add("log", name + "_log1mq", Map.of(), scalar("_rminus_scalar", name + "_1mq", q, 1));
        Node oneMinusT = scalar("_rminus_scalar", name + "_1mt", targets, 1);
        Node sum = add("elemwise_add", name + "_sum", Map.of(), add("elemwise_mul", name + "_a", Map.of(), targets, logQ),
                add("elemwise_mul", name + "_b", Map.of(), oneMinusT, log1mQ));
        return scalar("_mul_scalar", name, add("mean", name + "_mean", Map.of(), sum), -1);
    }

    /** Mean BCE from logits z against targets t: mean(softplus(z) - z t). */
    public Node bceWithLogits(String name, Node logits, Node targets) {
        Node softplus = activation(name + "_softplus", logits, "softrelu");
        Node product = add("elemwise_mul", name + "_zt", Map.of(), logits, targets);
        Node difference = add("elemwise_sub", name + "_diff", Map.of(), softplus, product);
        return add("mean", name, Map.of(), difference);
    }

    /** Mean squared error: mean((y - t)^2). */
    public Node meanSquaredError(String name, Node y, Node targets) {
        Node difference = add("elemwise_sub", name + "_diff", Map.of(), y, targets);
        Node square = add("square", name + "_square", Map.of(), difference);
        return add("mean", name, Map.of(), square);
    }

    private Node add(String operator, String name, Map<String, String> attributes, Node... inputs) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("op", operator);
        String unique = name;
        for (int i = 2; !names.add(unique); i++) {
            unique = name + "_" + i; // a layer built twice (shared weights) gets distinct operator names
        }
        node.put("name", unique);
        if (!attributes.isEmpty()) {
            node.put("attrs", attributes);
        }
        List<List<Integer>> in = new ArrayList<>();
        for (Node i : inputs) {
            in.add(List.of(i.index(), 0, 0));
        }
        node.put("inputs", in);
        nodes.add(node);
        return new Node(nodes.size() - 1);
    }

    /** The graph's JSON with {@code outputs} as its heads. */
    public String json(Node... outputs) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("nodes", nodes);
        g.put("arg_nodes", arguments);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i <= nodes.size(); i++) {
            rows.add(i);
        }
        g.put("node_row_ptr", rows);
        List<List<Integer>> heads = new ArrayList<>();
        for (Node o : outputs) {
            heads.add(List.of(o.index(), 0, 0));
        }
        g.put("heads", heads);
        g.put("attrs", Map.of("mxnet_version", List.of("int", 10900)));
        return new Gson().toJson(g);
    }
}
