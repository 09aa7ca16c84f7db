package aelab.bench;

import aelab.Lab;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.models.VariationalAutoencoder;
import aelab.train.TrainingLoop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the process's resident memory after epochs 2 and 20 of the 784-400-20 VAE on the MNIST
 * training digits: per-batch arrays must be freed, so the two should be within 5%.
 * Run: {@code java -cp target/classes:target/lib/* aelab.bench.MemoryBenchmark [epochs]}.
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Lab.start(1);
        ImageSet train = Mnist.load().train();
        long[] rss = new long[epochs + 1];
        var options = new TrainingLoop.Options(epochs, 128, 1, false);
        String model = args.length > 1 ? args[1] : "vae";
        if (model.equals("dense")) {
            try (var ae = new aelab.models.DenseAutoencoder(aelab.models.DenseAutoencoder.Config.small())) {
                ae.fit(train, options, h -> rss[h.size()] = residentKib());
            }
        } else {
            try (VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoder.Config.pytorch20())) {
                vae.fit(train, options, h -> {
                    rss[h.size()] = residentKib();
                    System.out.println("epoch " + h.size() + ": " + rss[h.size()] / 1024 + " MiB");
                });
            }
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
