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
 * Does the DEC paper's greedy layer-wise stage give k-means a better start? Pre-trains the stacked
 * autoencoder on MNIST-test's 10,000 digits: the greedy stage at RATE for EPOCHS_PER_LAYER epochs a
 * layer (0: none), then END_TO_END epochs as DEC-keras; prints each stage's last losses, the codes'
 * mean norm and AE + k-means (20 restarts). Labels only score.
 *
 *   java -cp "target/classes:target/lib/*" checks/GreedyPilot.java RATE EPOCHS_PER_LAYER END_TO_END SEED [DROPOUT]
 */
public class GreedyPilot {
    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: GreedyPilot.java RATE EPOCHS_PER_LAYER END_TO_END SEED [DROPOUT]");
            System.exit(2);
        }
        float rate = Float.parseFloat(args[0]);
        int perLayer = Integer.parseInt(args[1]);
        int endToEnd = Integer.parseInt(args[2]);
        int seed = Integer.parseInt(args[3]);
        float dropout = args.length > 4 ? Float.parseFloat(args[4]) : 0.2f;
        Lab.start(seed, Mode.FULL);
        ImageSet images = Mnist.load().test();
        var keras = DeepClusteringConfig.Pretraining.decKeras();
        var recipe = new DeepClusteringConfig.Pretraining("greedy pilot", true, keras.rate(), true, rate, dropout, 0f);
        try (DeepClustering model = new DeepClustering(DeepClusteringConfig.dec().withPretraining(recipe))) {
            if (perLayer > 0) {
                History greedy = model.pretrainGreedy(images, new TrainingLoop.Options(4 * perLayer, 256, seed, true));
                System.out.println("greedy, last epoch of each layer (mse): " + greedy.values("mse")[perLayer - 1] + ", "
                        + greedy.values("mse")[2 * perLayer - 1] + ", " + greedy.values("mse")[3 * perLayer - 1] + ", "
                        + greedy.last("mse"));
            }
            if (endToEnd > 0) {
                History e2e = model.pretrain(images, new TrainingLoop.Options(endToEnd, 256, seed, true));
                System.out.println("end to end: mse " + e2e.values("mse")[0] + " at epoch 1, " + e2e.last("mse")
                        + " at " + e2e.size());
            }
            int[] start = model.initialiseCentres(images, seed);
            System.out.println("rate " + rate + ", " + perLayer + " epochs a layer, " + endToEnd + " end to end, seed "
                    + seed + ": mean code norm " + model.meanCodeNorm(images) + ", AE + k-means "
                    + Clustering.scores(start, images.labels()));
        }
    }
}
