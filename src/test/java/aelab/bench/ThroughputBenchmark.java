package aelab.bench;

import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.models.Activation;
import aelab.models.aae.AdversarialAutoencoder;
import aelab.models.conv.ConvAutoencoder;
import aelab.models.clustering.DeepClustering;
import aelab.models.clustering.DeepClusteringConfig;
import aelab.models.dense.DenseAutoencoder;
import aelab.models.dense.DenseAutoencoderConfig;
import aelab.models.aae.Prior;
import aelab.models.vae.VariationalAutoencoder;
import aelab.models.vae.VariationalAutoencoderConfig;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Training throughput of the library's own models and loop, for the side-by-side comparison
 * with PyTorch ({@code bench/compare.py}). Each model trains on the first {@code samples} MNIST
 * training digits for {@code epochs} epochs; epoch 1 is the warm-up. Prints one line per model:
 * median samples/s over the other epochs, achieved GFLOP/s, and resident memory after epoch 2 and
 * after the last epoch. The model {@code gemm} instead times one large matrix product: the machine's
 * practical fp32 ceiling, against which {@code bench/compare.py} sets the others' GFLOP/s.
 * Run: {@code java -cp target/classes:target/lib/* aelab.bench.ThroughputBenchmark [model] [epochs] [samples]}.
 */
public final class ThroughputBenchmark {

    private ThroughputBenchmark() {}

    /** Multiply-adds per sample of one forward pass through dense layers of these sizes. */
    static double dense(int... sizes) {
        double macs = 0;
        for (int i = 1; i < sizes.length; i++) {
            macs += (double) sizes[i - 1] * sizes[i];
        }
        return macs;
    }

    /** Training FLOPs per sample for each model: forward, plus backward at twice the forward. */
    static final Map<String, Double> FLOPS_PER_SAMPLE = new LinkedHashMap<>();

    static {
        FLOPS_PER_SAMPLE.put("dense", 6 * dense(784, 512, 256, 32, 256, 512, 784));
        FLOPS_PER_SAMPLE.put("vae", 6 * dense(784, 512, 4) + 6 * dense(2, 512, 784));
        // convolutions: output positions x output channels x input channels x kernel area
        double conv = 14 * 14 * 16 * 1 * 4 + 7 * 7 * 32 * 16 * 4 + dense(1568, 256, 32, 256, 1568)
                + 7 * 7 * 32 * 16 * 4 + 14 * 14 * 16 * 2 * 4;
        FLOPS_PER_SAMPLE.put("conv", 6 * conv);
        FLOPS_PER_SAMPLE.put("stacked", 6 * dense(784, 500, 500, 2000, 10, 2000, 500, 500, 784));
        double enc = dense(784, 1000, 1000, 2);
        double dec = dense(2, 1000, 1000, 784);
        double disc = dense(2, 1000, 1000, 1);
        // phase 1: encoder and decoder; phase 2: encoder forward, critic on real and fake;
        // phase 3: encoder and critic forward and backward (only the encoder steps)
        FLOPS_PER_SAMPLE.put("aae", 6 * (enc + dec) + 2 * enc + 2 * 6 * disc + 6 * (enc + disc));
    }

    /** The dense model: 784-512-256-32 and back, ReLU, sigmoid output, BCE, Adam 1e-3. */
    static final DenseAutoencoderConfig DENSE = new DenseAutoencoderConfig("dense-784-512-256-32",
            new int[] {784, 512, 256, 32}, Activation.RELU, Activation.RELU, Activation.SIGMOID,
            DenseAutoencoder.Reconstruction.BCE, 1e-3f);

    /** The stacked model's pre-training, the same optimizer as {@code torch_reference.py}'s. */
    static final DeepClusteringConfig.Pretraining STACKED_PRETRAINING = DeepClusteringConfig.Pretraining.adam();

    /** Batch size of each model. */
    static final Map<String, Integer> BATCH = Map.of("dense", 128, "vae", 128, "conv", 128, "stacked", 256, "aae", 100);

    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "all";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 6400;
        Lab.start(1, Mode.FULL);
        if (which.equals("gemm")) {
            gemm(2048, 20);
            return;
        }
        ImageSet data = Mnist.load().train().head(samples);
        for (String model : FLOPS_PER_SAMPLE.keySet()) {
            if (which.equals("all") || which.equals(model)) {
                report(model, data, epochs);
            }
        }
    }

    private static void report(String model, ImageSet data, int epochs) {
        long[] rss = new long[epochs + 1];
        TrainingLoop.Options options = new TrainingLoop.Options(epochs, BATCH.get(model), 1, false);
        BiFunction<TrainingLoop.Options, java.util.function.Consumer<History>, History> fit = trainer(model, data);
        History h = fit.apply(options, hist -> rss[hist.size()] = MemoryBenchmark.residentKib());
        double[] seconds = h.table().doubleColumn("seconds").asDoubleArray();
        double[] rates = Arrays.stream(seconds, 1, seconds.length).map(s -> data.size() / s).sorted().toArray();
        double median = rates[rates.length / 2];
        double gflops = median * FLOPS_PER_SAMPLE.get(model) / 1e9;
        System.out.printf("RESULT java %s samples_per_s=%.0f gflops=%.1f rss_epoch2_mib=%d rss_last_mib=%d%n", model,
                median, gflops, rss[Math.min(2, epochs)] / 1024, rss[epochs] / 1024);
    }

    /**
     * Best GFLOP/s of {@code reps} products of two n x n matrices, after one warm-up product,
     * through the dense layer's kernel (oneDNN's inner product: MXNet's plain dot is slower).
     */
    private static void gemm(int n, int reps) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray a = manager.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = manager.randomUniform(-1, 1, new Shape(n, n));
            Linear.linear(a, b).singletonOrThrow().close();
            double best = Double.MAX_VALUE;
            for (int i = 0; i < reps; i++) {
                long start = System.nanoTime();
                try (NDArray c = Linear.linear(a, b).singletonOrThrow()) {
                    c.getFloat(0, 0); // waits for the product
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("RESULT java gemm gflops=%.1f%n", 2.0 * n * n * n / best / 1e9);
        }
    }

    static BiFunction<TrainingLoop.Options, java.util.function.Consumer<History>, History> trainer(
            String model, ImageSet data) {
        return switch (model) {
            case "dense" -> {
                var ae = new DenseAutoencoder(DENSE);
                yield (o, l) -> ae.fit(data, o, l);
            }
            case "vae" -> {
                var vae = new VariationalAutoencoder(VariationalAutoencoderConfig.keras2d());
                yield (o, l) -> vae.fit(data, o, l);
            }
            case "conv" -> {
                var conv = new ConvAutoencoder(ConvAutoencoder.Config.working());
                yield (o, l) -> conv.fit(data, o, l);
            }
            case "stacked" -> {
                // Adam 1e-3 as the PyTorch reference: the clustering preset's own pre-training (DEC-keras's SGD
                // with momentum) has a cheaper update, so it made the two sides differ in more than the framework
                var dec = new DeepClustering(DeepClusteringConfig.dec().toBuilder().pretraining(STACKED_PRETRAINING).build());
                yield (o, l) -> dec.pretrain(data, o, l);
            }
            case "aae" -> {
                var aae = new AdversarialAutoencoder(AdversarialAutoencoder.Config.unsupervised2d(), Prior.gaussian(5));
                yield (o, l) -> aae.fit(data, o, l);
            }
            default -> throw new IllegalArgumentException("unknown model " + model + "; use one of "
                    + FLOPS_PER_SAMPLE.keySet() + " or all");
        };
    }
}
