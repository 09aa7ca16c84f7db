import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.metrics.NearestNeighbours;
import aelab.models.SemiSupervisedAae;
import aelab.models.SemiSupervisedAaeConfig;
import java.nio.file.Path;

/**
 * Where does a semi-supervised AAE keep the digit's class: in its categorical code y, or also in its
 * style z? Loads a checkpoint of an `aae-semi` run (refined preset) and scores, on the run's 5,000
 * validation digits (the same split: training digits shuffled by the seed, the first 5,000), the
 * categorical code's error and the leave-one-out 10-nearest-neighbour error of three codes: the
 * style alone (untrained and trained), the style with y, and the pixels. A style whose neighbours share a class carries the
 * class, so the decoder need not read y and the adversarial part cannot make y the class. Validation
 * labels only score; nothing is chosen by them here.
 *
 *   java -cp "target/classes:target/lib/*" checks/SemiStyleLeak.java CHECKPOINT [SEED [independent]]
 *
 * With {@code independent} the checkpoint is read as an `aae-semi-independent` run's (with its style adversary).
 */
public class SemiStyleLeak {
    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SemiStyleLeak.java CHECKPOINT [SEED [independent]] (of an aae-semi run)");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Lab.start(seed, Mode.FULL);
        ImageSet validation = Mnist.load().train().shuffled(seed).head(5000);
        int[] labels = validation.labels();
        var config = args.length > 2 && args[2].equals("independent") ? SemiSupervisedAaeConfig.independentStyle(40, 1f)
                : SemiSupervisedAaeConfig.refined(40);
        try (SemiSupervisedAae model = new SemiSupervisedAae(config)) {
            System.out.printf("untrained, 10-NN on the style z: error %.2f%%%n", 100 * NearestNeighbours.leaveOneOutError(model.styles(validation), labels, 10));
            model.load(Path.of(args[0]));
            System.out.printf("categorical code y: error %.2f%%%n", 100 * model.errorRate(validation));
            float[][] z = model.styles(validation);
            int[] y = model.classify(validation);
            float[][] zy = new float[z.length][];
            for (int i = 0; i < z.length; i++) {
                zy[i] = java.util.Arrays.copyOf(z[i], z[i].length + 10);
                zy[i][z[i].length + y[i]] = 3f; // one-hot y, scaled past the style's unit spread
            }
            float[][] pixels = new float[validation.size()][];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = validation.image(i);
            }
            System.out.printf("10-NN on the style z alone: error %.2f%%%n", 100 * NearestNeighbours.leaveOneOutError(z, labels, 10));
            System.out.printf("10-NN on z with y: error %.2f%%%n", 100 * NearestNeighbours.leaveOneOutError(zy, labels, 10));
            System.out.printf("10-NN on the pixels: error %.2f%%%n", 100 * NearestNeighbours.leaveOneOutError(pixels, labels, 10));
        }
    }
}
