import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.metrics.Clustering;
import aelab.models.DeepClustering;
import aelab.models.DeepClusteringConfig;
import aelab.train.History;
import aelab.train.TrainingLoop;

/**
 * Does ACAI's interpolation critic in pre-training give k-means a better start? Pre-trains the stacked
 * autoencoder on MNIST-test's 10,000 digits for EPOCHS epochs as DEC-keras does, with the critic's term
 * at WEIGHT (0: none), and prints the losses every tenth of the run, the codes' mean norm and
 * AE + k-means (20 restarts). Labels only score.
 *
 * With ADAM_RATE, pre-training uses Adam at that rate (ACAI's own optimizer; ACAI: 1e-4), still from
 * DEC-keras's initial weights.
 *
 *   java -cp "target/classes:target/lib/*" checks/InterpolationPilot.java WEIGHT EPOCHS SEED [ADAM_RATE]
 */
public class InterpolationPilot {
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: InterpolationPilot.java WEIGHT EPOCHS SEED [ADAM_RATE]");
            System.exit(2);
        }
        float weight = Float.parseFloat(args[0]);
        int epochs = Integer.parseInt(args[1]);
        int seed = Integer.parseInt(args[2]);
        Lab.start(seed, Mode.FULL);
        ImageSet images = Mnist.load().test();
        var keras = DeepClusteringConfig.Pretraining.decKeras();
        boolean adam = args.length > 3;
        var recipe = new DeepClusteringConfig.Pretraining("interpolation pilot", !adam,
                adam ? Float.parseFloat(args[3]) : keras.rate(), true, 0f, 0f, weight);
        try (DeepClustering model = new DeepClustering(DeepClusteringConfig.dec().withPretraining(recipe))) {
            History h = model.pretrain(images, new TrainingLoop.Options(epochs, 256, seed, true));
            for (int e = Math.max(1, epochs / 10); e <= epochs; e += Math.max(1, epochs / 10)) {
                StringBuilder line = new StringBuilder("epoch " + e + ":");
                for (String term : h.termNames()) {
                    line.append(' ').append(term).append(' ').append(String.format("%.5f", h.values(term)[e - 1]));
                }
                System.out.println(line);
            }
            int[] start = model.initialiseCentres(images, seed);
            System.out.println("weight " + weight + (adam ? ", Adam " + args[3] : ", SGD") + ", " + epochs + " epochs, seed " + seed + ": mean code norm "
                    + model.meanCodeNorm(images) + ", AE + k-means " + Clustering.scores(start, images.labels()));
        }
    }
}
