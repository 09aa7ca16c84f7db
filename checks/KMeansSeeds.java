import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.metrics.Clustering;
import aelab.metrics.KMeans;
import aelab.models.DeepClustering;
import aelab.models.DeepClusteringConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Is a clustering run's AE + k-means start a property of its codes or k-means luck? Loads a
 * pre-trained stacked autoencoder from a clustering run's checkpoint, encodes all 70,000 MNIST digits
 * (or MNIST-test's 10,000 with {@code mnist-test}) and runs k-means (20 restarts, as the experiment does)
 * from several seeds. Labels only score.
 *
 *   java -cp "target/classes:target/lib/*" checks/KMeansSeeds.java runs/clustering-mnist-full-seed1/checkpoints/pretrain.e0300.ckpt [seeds [mnist-test]]
 */
public class KMeansSeeds {
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: KMeansSeeds.java PRETRAIN_CHECKPOINT [SEEDS [mnist-test]]");
            System.exit(2);
        }
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Lab.start(1, Mode.FULL);
        ImageSet all = args.length > 2 && args[2].equals("mnist-test") ? Mnist.load().test() : Mnist.load().all();
        try (DeepClustering model = new DeepClustering(DeepClusteringConfig.dec())) {
            model.load(Path.of(args[0]));
            float[][] codes = model.encode(all);
            for (int seed = 1; seed <= seeds; seed++) {
                KMeans.Result r = KMeans.fit(codes, 10, 20, 300, seed);
                Map<String, Double> s = Clustering.scores(r.assignments(), all.labels());
                System.out.printf("k-means seed %d: inertia %.1f, ACC %.4f, NMI %.4f%n", seed, r.inertia(), s.get("acc"),
                        s.get("nmi_geometric"));
            }
        }
    }
}
