import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.metrics.MistakesTable;
import aelab.models.DeepClustering;
import aelab.models.DeepClusteringConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Which of the k-means start's mistakes did a clustering run's DEC, IDEC and ADEC mend, and which could
 * they (MNIST-test, or all 70,000 MNIST digits: a quarter of an hour there, the neighbours are quadratic)? Loads the run's pre-trained autoencoder, repeats its k-means start (20 restarts, the
 * run's seed), then loads each finished method's checkpoint and prints {@link MistakesTable} for them,
 * with a row for each further NAME=CHECKPOINT (a pilot's, from checks/TuningPilot.java's SAVE_TO). Labels
 * only score.
 *
 *   java -cp "target/classes:target/lib/*" checks/GainCeiling.java RUN_DIRECTORY SEED [NAME=CHECKPOINT ...]
 */
public class GainCeiling {
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: GainCeiling.java RUN_DIRECTORY SEED [NAME=CHECKPOINT ...]"
                    + " (a clustering run on mnist-test or mnist, with its checkpoints)");
            System.exit(2);
        }
        Path run = Path.of(args[0]);
        int seed = Integer.parseInt(args[1]);
        Lab.start(seed, Mode.FULL);
        ImageSet images = clustered(run);
        MistakesTable table;
        try (DeepClustering model = new DeepClustering(DeepClusteringConfig.dec())) {
            model.load(checkpoint(run, "pretrain"));
            float[][] codes = model.encode(images);
            table = new MistakesTable(run.getFileName() + ": the k-means start's mistakes, and each method's", codes,
                    model.initialiseCentres(images, seed), images.labels(), 10);
        }
        for (String method : new String[] {"dec", "idec", "adec"}) {
            add(table, method.toUpperCase(), checkpoint(run, method), images);
        }
        for (int i = 2; i < args.length; i++) {
            String[] named = args[i].split("=", 2);
            if (named.length != 2) {
                throw new IllegalArgumentException("expected NAME=CHECKPOINT, got " + args[i]);
            }
            add(table, named[0], Path.of(named[1]), images);
        }
        System.out.println(table);
    }

    static void add(MistakesTable table, String name, Path checkpoint, ImageSet images) {
        try (DeepClustering model = new DeepClustering(DeepClusteringConfig.dec())) {
            model.load(checkpoint);
            table.add(name, model.encode(images), model.predict(images));
        }
    }

    /** The run's images: MNIST-test's 10,000 digits, or all 70,000 for a run on the whole of MNIST. */
    static ImageSet clustered(Path run) {
        try {
            String config = Files.readString(run.resolve("config.json")).replaceAll("\\s", "");
            if (config.contains("\"dataset\":\"mnist-test\"")) {
                return Mnist.load().test();
            }
            if (config.contains("\"dataset\":\"mnist\"")) {
                return Mnist.load().all();
            }
            throw new IllegalArgumentException(run.resolve("config.json") + " names neither mnist-test nor mnist");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A finished stage's checkpoint (its highest epoch). */
    static Path checkpoint(Path run, String stage) {
        try (Stream<Path> files = Files.list(run.resolve("checkpoints"))) {
            return files.filter(f -> f.getFileName().toString().matches(stage + "\\.e\\d+\\.ckpt")).sorted()
                    .reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException(
                            "no " + stage + " checkpoint in " + run.resolve("checkpoints") + ": run that stage first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
