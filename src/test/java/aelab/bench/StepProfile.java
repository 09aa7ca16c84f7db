package aelab.bench;

import aelab.Lab;
import aelab.Mode;
import aelab.losses.Losses;
import aelab.models.Activation;
import aelab.models.dense.DenseAutoencoder;
import aelab.models.dense.DenseAutoencoderConfig;
import aelab.nn.Scalars;
import aelab.train.Adam;
import aelab.train.Network;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;

/**
 * Where one training step's time goes, on the engine in force (AELAB_ENGINE): the benchmark's dense
 * autoencoder (784-512-256-32-256-512-784, batch 128, BCE from logits, Adam) or its stacked one (DEC's
 * 784-500-500-2000-10 and back, batch 256, MSE, Adam) timed phase by phase, then the element-wise kernels
 * alone over its parameters (an in-place subtraction and the fused Adam update), in nanoseconds per value.
 * Not a test: {@code java ... aelab.bench.StepProfile [steps] [dense|stacked]}.
 */
public final class StepProfile {

    private static final int INPUTS = 784;
    /** The stacked model's layers as a dense autoencoder: ReLU inside, linear code and output, MSE. */
    static final DenseAutoencoderConfig STACKED = new DenseAutoencoderConfig("stacked-784-500-500-2000-10",
            new int[] {784, 500, 500, 2000, 10}, Activation.RELU, Activation.LINEAR, Activation.LINEAR,
            DenseAutoencoder.Reconstruction.MSE, 1e-3f);

    private StepProfile() {}

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String name = args.length > 1 ? args[1] : "dense";
        if (!name.equals("dense") && !name.equals("stacked")) {
            throw new IllegalArgumentException("unknown model '" + name + "': use dense or stacked");
        }
        boolean dense = name.equals("dense");
        int batchSize = ThroughputBenchmark.BATCH.get(name);
        String[] phases = {"batch to tensor", "forward (layers)", dense ? "loss (BCE from logits)" : "loss (MSE)",
            "backward", "Adam update"};
        Lab.start(1, Mode.FULL);
        // the dense model's decoder ends at the logits (sigmoid output, BCE)
        try (DenseAutoencoder model = new DenseAutoencoder(dense ? ThroughputBenchmark.DENSE : STACKED);
                NDManager manager = NDManager.newBaseManager()) {
            Network network = model.network();
            NDArray first = network.block().getParameters().get(0).getValue().getArray();
            float[] pixels = new float[batchSize * INPUTS];
            Random random = new Random(1);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat();
            }
            long[] t = new long[phases.length];
            int warmUp = 20;
            for (int s = 0; s < steps + warmUp; s++) {
                long[] mark = new long[phases.length + 1];
                try (NDManager batch = manager.newSubManager()) {
                    mark[0] = System.nanoTime();
                    NDArray x = batch.create(pixels, new Shape(batchSize, INPUTS));
                    mark[1] = System.nanoTime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = network.forward(x, true);
                        out.getFloat(0, 0); // waits for the forward pass on an asynchronous engine
                        mark[2] = System.nanoTime();
                        NDArray loss = dense ? Losses.binaryCrossEntropyWithLogits(out, x)
                                : Losses.meanSquaredError(out, x);
                        loss.getFloat();
                        mark[3] = System.nanoTime();
                        gc.backward(loss);
                        // waits for the backward pass: the first layer's gradient is its last result
                        try (NDArray g = first.getGradient()) {
                            g.getFloat(0, 0);
                        }
                        mark[4] = System.nanoTime();
                    }
                    network.step();
                    for (var p : network.block().getParameters().values()) {
                        NDArray w = p.getArray();
                        w.getFloat(new long[w.getShape().dimension()]); // waits for every update
                    }
                    mark[5] = System.nanoTime();
                }
                for (int p = 0; s >= warmUp && p < phases.length; p++) {
                    t[p] += mark[p + 1] - mark[p];
                }
            }
            long total = java.util.Arrays.stream(t).sum();
            System.out.printf("%s autoencoder, batch %d, %s: %.2f ms per step (%.0f samples/s, %.1f GFLOP/s)%n", name,
                    batchSize, Engine.getDefaultEngineName(), total / 1e6 / steps, batchSize * steps / (total / 1e9),
                    ThroughputBenchmark.FLOPS_PER_SAMPLE.get(name) * batchSize * steps / total);
            for (int p = 0; p < phases.length; p++) {
                System.out.printf("  %-22s %6.2f ms  %5.1f%%%n", phases[p], t[p] / 1e6 / steps, 100.0 * t[p] / total);
            }
            elementwise(network, manager, steps);
        }
    }

    /** The element-wise kernels over the network's own parameter arrays, per value. */
    private static void elementwise(Network network, NDManager manager, int reps) {
        var params = network.block().getParameters().values();
        long values = params.stream().mapToLong(p -> p.getArray().size()).sum();
        Adam adam = new Adam(1e-3f);
        NDArray[] grads = params.stream().map(p -> Scalars.mul(p.getArray().onesLike(), 1e-3f)).toArray(NDArray[]::new);
        String[] kernels = {"w -= g in place", "fused Adam update"};
        for (int k = 0; k < kernels.length; k++) {
            long start = 0;
            for (int r = 0; r < reps + 10; r++) {
                if (r == 10) {
                    start = System.nanoTime();
                }
                int i = 0;
                for (var p : params) {
                    if (k == 0) {
                        p.getArray().subi(grads[i]);
                    } else {
                        adam.update(p.getId(), p.getArray(), grads[i]);
                    }
                    i++;
                }
                params.get(0).getArray().getFloat(0, 0);
            }
            double ns = (System.nanoTime() - start) / (double) reps;
            System.out.printf("  %-22s %6.2f ms per pass over %d values, %.2f ns per value%n", kernels[k], ns / 1e6,
                    values, ns / values);
        }
        for (NDArray g : grads) {
            g.close();
        }
    }
}
