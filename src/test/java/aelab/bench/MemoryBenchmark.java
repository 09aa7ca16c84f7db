package aelab.bench;

import aelab.Lab;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.models.vae.VariationalAutoencoder;
import aelab.models.vae.VariationalAutoencoderConfig;
import aelab.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the process's resident memory after every epoch of the 784-400-20 VAE (or of one of the
 * throughput benchmark's models) on the MNIST training digits: per-batch arrays must be freed, so
 * epoch 2 and the last should be within 5%.
 * Run: {@code java -cp target/classes:target/lib/* aelab.bench.MemoryBenchmark [epochs] [vae|dense|conv|stacked|aae]}.
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String model = args.length > 1 ? args[1] : "vae";
        if (!model.equals("vae") && !ThroughputBenchmark.BATCH.containsKey(model)) {
            throw new IllegalArgumentException("unknown model '" + model
                    + "': use vae (784-400-20), dense, conv, stacked or aae (the throughput benchmark's)");
        }
        Lab.start(1);
        // the first 8,000 training digits: the size the earlier memory figures were measured on
        ImageSet train = Mnist.load().train().head(8000);
        long[] rss = new long[epochs + 1];
        java.util.function.Consumer<aelab.train.History> record = h -> {
            rss[h.size()] = residentKib();
            System.out.println("epoch " + h.size() + ": " + rss[h.size()] / 1024 + " MiB");
        };
        if (model.equals("vae")) {
            try (VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoderConfig.pytorch20())) {
                vae.fit(train, new TrainingLoop.Options(epochs, 128, 1, false), record);
            }
        } else {
            var options = new TrainingLoop.Options(epochs, ThroughputBenchmark.BATCH.get(model), 1, false);
            ThroughputBenchmark.trainer(model, train).apply(options, record);
        }
        System.out.printf("resident memory after epoch 2: %d MiB, after epoch %d: %d MiB, growth %.1f%% (target < 5%%)%n",
                rss[2] / 1024, epochs, rss[epochs] / 1024, 100.0 * (rss[epochs] - rss[2]) / rss[2]);
    }

    /** VmRSS of this process in KiB (Linux). */
    static long residentKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status: " + e.getMessage(), e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
