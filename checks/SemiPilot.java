import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.models.SemiSupervisedAae;
import aelab.models.SemiSupervisedAaeConfig;
import aelab.train.History;
import aelab.train.TrainingLoop;

/**
 * A short pilot of the semi-supervised AAE's presets, scored on validation digits held out of the
 * training set (never the test set): the first VALIDATION of the shuffled 60,000 are held out,
 * the next UNLABELLED train, and 10 labels per class are drawn from those.
 *
 *   java -cp "target/classes:target/lib/*" checks/SemiPilot.java PRESET EPOCHS UNLABELLED [VALIDATION] [OPTION...]
 *   PRESET: tutorial | refined | reimplementation | consistent=W (augmented, 3 px and 10 degrees, consistency weight W)
 *   OPTION: style=DIMS:STD (style width and prior), labelled-reconstruction, schedule=EPOCHS (the run
 *   length refined's rate drops are placed for; default EPOCHS, so a short pilot can skip the drops),
 *   rate=R (every learning rate R, as musyoku's 1e-4), beta1=B, dropout=D (the encoder's and decoder's)
 */
public class SemiPilot {
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: SemiPilot.java tutorial|refined|reimplementation|consistent=W EPOCHS UNLABELLED [VALIDATION] [OPTION...]");
            System.exit(2);
        }
        int epochs = Integer.parseInt(args[1]);
        int unlabelled = Integer.parseInt(args[2]);
        int held = args.length > 3 && args[3].matches("\\d+") ? Integer.parseInt(args[3]) : 5000;
        int schedule = epochs;
        for (String a : args) {
            if (a.startsWith("schedule=")) {
                schedule = Integer.parseInt(a.substring(9));
            }
        }
        Lab.start(42, Mode.FULL);
        ImageSet shuffled = Mnist.load().train().shuffled(42);
        ImageSet validation = shuffled.head(held);
        ImageSet train = shuffled.drop(held).head(unlabelled);
        var config = switch (args[0]) {
            case "tutorial" -> SemiSupervisedAaeConfig.tutorial();
            case "reimplementation" -> SemiSupervisedAaeConfig.reimplementation();
            default -> args[0].startsWith("consistent=")
                    ? SemiSupervisedAaeConfig.consistent(schedule, 3, 10, Float.parseFloat(args[0].substring(11)))
                    : SemiSupervisedAaeConfig.refined(schedule);
        };
        for (String a : args) {
            if (a.startsWith("style=")) {
                String[] v = a.substring(6).split(":");
                config = config.withStyle(Integer.parseInt(v[0]), Float.parseFloat(v[1]));
            } else if (a.equals("labelled-reconstruction")) {
                config = config.withLabelledReconstruction(true);
            } else if (a.startsWith("rate=") || a.startsWith("beta1=") || a.startsWith("dropout=")) {
                float v = Float.parseFloat(a.substring(a.indexOf('=') + 1));
                var c = config;
                boolean rate = a.startsWith("rate="), beta = a.startsWith("beta1=");
                config = new SemiSupervisedAaeConfig(c.name(), c.classes(), c.style(), c.hidden(),
                        a.startsWith("dropout=") ? v : c.dropout(), c.priorStd(), rate ? v : c.reconstructionRate(),
                        rate ? v : c.regularizationRate(), rate ? v : c.classificationRate(), c.labelledBatch(),
                        beta ? v : c.beta1(), c.criticNoise(), c.rateDrops(), c.labelledReconstruction(),
                        c.styleCriticNoise(), c.gradientClip(), c.shift(), c.turn(), c.styleAdversary(), c.consistency());
            }
        }
        System.out.println(config);
        try (SemiSupervisedAae model = new SemiSupervisedAae(config)) {
            History h = model.fit(train, train.balanced(10, 42), validation, new TrainingLoop.Options(epochs, 100, 42),
                    run -> System.out.printf("epoch %d: validation error %.2f%%, reconstruction %.4f (%.0f s)%n",
                            run.size(), run.last("validation_error"), run.last("reconstruction"), run.totalSeconds()));
            System.out.printf("%s: validation error %.2f%% after %d epochs, %.0f s%n", args[0],
                    h.last("validation_error"), h.size(), h.totalSeconds());
        }
    }
}
