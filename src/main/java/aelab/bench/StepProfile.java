package aelab.bench;

import aelab.Lab;
import aelab.Mode;
import aelab.losses.Losses;
import aelab.models.DenseAutoencoder;
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
 * autoencoder (784-512-256-32-256-512-784, batch 128, BCE from logits, Adam) timed phase by phase, then the
 * element-wise kernels alone over its 1.08 million parameters (an in-place subtraction and the fused
 * Adam update), in nanoseconds per value. Not a test: {@code java ... aelab.bench.StepProfile [steps]}.
 */
public final class StepProfile {

    private static final int INPUTS = 784;
    private static final int BATCH = ThroughputBenchmark.BATCH.get("dense");
    private static final String[] PHASES = {"batch to tensor", "forward (layers)", "loss (BCE from logits)", "backward",
        "Adam update"};

    private StepProfile() {}

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Lab.start(1, Mode.FULL);
        // the throughput benchmark's dense model itself; its decoder ends at the logits (sigmoid output, BCE)
        try (DenseAutoencoder model = new DenseAutoencoder(ThroughputBenchmark.DENSE);
                NDManager manager = NDManager.newBaseManager()) {
            Network network = model.network();
            float[] pixels = new float[BATCH * INPUTS];
            Random random = new Random(1);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat();
            }
            long[] t = new long[PHASES.length];
            int warmUp = 20;
            for (int s = 0; s < steps + warmUp; s++) {
                long[] mark = new long[PHASES.length + 1];
                try (NDManager batch = manager.newSubManager()) {
                    mark[0] = System.nanoTime();
                    NDArray x = batch.create(pixels, new Shape(BATCH, INPUTS));
                    mark[1] = System.nanoTime();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = network.forward(x, true);
                        out.getFloat(0, 0); // waits for the forward pass on an asynchronous engine
                        mark[2] = System.nanoTime();
                        NDArray loss = Losses.binaryCrossEntropyWithLogits(out, x);
                        loss.getFloat();
                        mark[3] = System.nanoTime();
                        gc.backward(loss);
                        mark[4] = System.nanoTime();
                    }
                    network.step();
                    mark[5] = System.nanoTime();
                }
                for (int p = 0; s >= warmUp && p < PHASES.length; p++) {
                    t[p] += mark[p + 1] - mark[p];
                }
            }
            long total = java.util.Arrays.stream(t).sum();
            System.out.printf("dense autoencoder, batch %d, %s: %.2f ms per step (%.0f samples/s)%n", BATCH,
                    Engine.getDefaultEngineName(), total / 1e6 / steps, BATCH * steps / (total / 1e9));
            for (int p = 0; p < PHASES.length; p++) {
                System.out.printf("  %-22s %6.2f ms  %5.1f%%%n", PHASES[p], t[p] / 1e6 / steps, 100.0 * t[p] / total);
            }
            elementwise(network, manager, steps);
        }
    }

    /** The element-wise kernels over the network's own parameter arrays, per value. */
    private static void elementwise(Network network, NDManager manager, int reps) {
        var params = network.block().getParameters().values();
        long values = params.stream().mapToLong(p -> p.getArray().size()).sum();
        Adam adam = new Adam(1e-3f);
        NDArray[] grads = params.stream().map(p -> p.getArray().onesLike().mul(1e-3f)).toArray(NDArray[]::new);
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
