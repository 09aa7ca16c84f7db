import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.metrics.Clustering;
import aelab.models.DeepClustering;
import aelab.models.DeepClusteringConfig;
import aelab.train.History;
import aelab.train.TrainingLoop;
import java.nio.file.Path;

/**
 * Does a fine-tuning setting change what DEC or IDEC gains from a given start? Loads a pre-trained
 * stacked autoencoder from a MNIST-test clustering run's checkpoint, puts the centres where k-means
 * (20 restarts, the run's seed) finds them, fine-tunes with the chosen optimizer and prints the
 * scores before and after. Labels only score; the run's own DEC/IDEC rows are the control.
 *
 *   java -cp "target/classes:target/lib/*" checks/TuningPilot.java CHECKPOINT dec|idec sgd|adam RATE SEED [SHIFT]
 *
 * SHIFT: fine-tune on digits moved by up to this many pixels (P from the digits as they are).
 */
public class TuningPilot {
    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: TuningPilot.java PRETRAIN_CHECKPOINT dec|idec sgd|adam RATE SEED [SHIFT]");
            System.exit(2);
        }
        int seed = Integer.parseInt(args[4]);
        Lab.start(seed, Mode.FULL);
        ImageSet images = Mnist.load().test();
        DeepClusteringConfig config = args[1].equals("idec") ? DeepClusteringConfig.idec() : DeepClusteringConfig.dec();
        float rate = Float.parseFloat(args[3]);
        config = args[2].equals("adam") ? config.withAdamTuning(rate)
                : new DeepClusteringConfig(config.name(), config.method(), config.clusters(), config.sizes(),
                        config.pretraining(), rate, config.batchSize(), config.updateInterval(), config.tolerance(),
                        config.klWeight(), config.adversarialWeight(), config.kmeansRestarts(), false, 0, 0, 0, false);
        int shift = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        try (DeepClustering model = new DeepClustering(config.withTuneShift(shift))) {
            model.load(Path.of(args[0]));
            int[] start = model.initialiseCentres(images, seed);
            System.out.println("AE + k-means: " + Clustering.scores(start, images.labels()));
            // DEC-keras's cap: 20,000 iterations, 79 epochs of 10,000 digits in batches of 256
            History h = model.cluster(images, new TrainingLoop.Options(79, 256, seed, true));
            System.out.println(args[1] + " with " + args[2] + " " + rate + (shift > 0 ? ", shifts " + shift : "") + ": "
                    + Clustering.scores(model.predict(images), images.labels()) + " after " + h.size() + " epochs");
        }
    }
}
