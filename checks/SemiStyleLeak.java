import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
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
            System.out.printf("untrained, 10-NN on the style z: error %.2f%%%n", 100 * knnError(model.styles(validation), labels, 10));
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
            System.out.printf("10-NN on the style z alone: error %.2f%%%n", 100 * knnError(z, labels, 10));
            System.out.printf("10-NN on z with y: error %.2f%%%n", 100 * knnError(zy, labels, 10));
            System.out.printf("10-NN on the pixels: error %.2f%%%n", 100 * knnError(pixels, labels, 10));
        }
    }

    /** Leave-one-out k-nearest-neighbour error (Euclidean, majority vote, ties to the nearest). */
    static double knnError(float[][] x, int[] labels, int k) {
        int wrong = 0;
        for (int i = 0; i < x.length; i++) {
            int[] best = new int[k];
            double[] dist = new double[k];
            java.util.Arrays.fill(dist, Double.MAX_VALUE);
            for (int j = 0; j < x.length; j++) {
                if (j == i) {
                    continue;
                }
                double d = 0;
                for (int c = 0; c < x[i].length; c++) {
                    double t = x[i][c] - x[j][c];
                    d += t * t;
                }
                if (d < dist[k - 1]) {
                    int p = k - 1;
                    while (p > 0 && dist[p - 1] > d) {
                        dist[p] = dist[p - 1];
                        best[p] = best[p - 1];
                        p--;
                    }
                    dist[p] = d;
                    best[p] = j;
                }
            }
            int[] votes = new int[10];
            int top = labels[best[0]];
            for (int n = 0; n < k; n++) {
                if (++votes[labels[best[n]]] > votes[top]) {
                    top = labels[best[n]];
                }
            }
            wrong += top != labels[i] ? 1 : 0;
        }
        return wrong / (double) x.length;
    }
}
