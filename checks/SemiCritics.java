import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.models.SemiSupervisedAae;
import aelab.models.SemiSupervisedAaeConfig;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Are a semi-supervised AAE's critics still working, or dead? Loads a checkpoint of an `aae-semi`
 * run and prints, on the first 10,000 training digits (labels unused), what each critic makes of
 * prior draws and of the encoder's codes, then whether the codes match the priors as a critic
 * could see it: each style dimension's mean and standard deviation (prior N(0, 1)) and how many
 * digits fall in each class (prior uniform).
 *
 *   java -cp "target/classes:target/lib/*" checks/SemiCritics.java runs/aae-semi-mnist-full-seed1/checkpoints/labels-100.e0040.ckpt
 */
public class SemiCritics {
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SemiCritics.java CHECKPOINT (of an aae-semi run, refined preset)");
            System.exit(2);
        }
        Lab.start(1, Mode.FULL);
        ImageSet digits = Mnist.load().train().head(10000);
        try (SemiSupervisedAae model = new SemiSupervisedAae(SemiSupervisedAaeConfig.refined(40))) {
            System.out.println("untrained: " + model.criticReport(digits, 3));
            model.load(Path.of(args[0]));
            System.out.println("trained:   " + model.criticReport(digits, 3));
            float[][] z = model.styles(digits);
            for (int j = 0; j < z[0].length; j++) {
                final int d = j;
                var stats = Arrays.stream(z).mapToDouble(r -> r[d]).summaryStatistics();
                double var = Arrays.stream(z).mapToDouble(r -> (r[d] - stats.getAverage()) * (r[d] - stats.getAverage())).sum()
                        / z.length;
                System.out.printf("style dimension %d: mean %.3f, std %.3f%n", j, stats.getAverage(), Math.sqrt(var));
            }
            int[] counts = new int[model.config().classes()];
            for (int c : model.classify(digits)) {
                counts[c]++;
            }
            System.out.println("digits per class: " + Arrays.toString(counts));
        }
    }
}
