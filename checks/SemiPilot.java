import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.models.SemiSupervisedAae;
import aelab.train.History;
import aelab.train.TrainingLoop;

/**
 * A short pilot of the semi-supervised AAE's presets, scored on validation digits held out of the
 * training set (never the test set): the first VALIDATION of the shuffled 60,000 are held out,
 * the next UNLABELLED train, and 10 labels per class are drawn from those.
 *
 *   java -cp "target/classes:target/lib/*" checks/SemiPilot.java PRESET EPOCHS UNLABELLED [VALIDATION]
 *   PRESET: tutorial | refined
 */
public class SemiPilot {
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: SemiPilot.java tutorial|refined EPOCHS UNLABELLED [VALIDATION]");
            System.exit(2);
        }
        int epochs = Integer.parseInt(args[1]);
        int unlabelled = Integer.parseInt(args[2]);
        int held = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        Lab.start(42, Mode.FULL);
        ImageSet shuffled = Mnist.load().train().shuffled(42);
        ImageSet validation = shuffled.head(held);
        ImageSet train = shuffled.drop(held).head(unlabelled);
        var config = args[0].equals("tutorial") ? SemiSupervisedAae.Config.tutorial()
                : SemiSupervisedAae.Config.refined(epochs);
        System.out.println(config);
        try (SemiSupervisedAae model = new SemiSupervisedAae(config)) {
            History h = model.fit(train, train.balanced(10, 42), validation, new TrainingLoop.Options(epochs, 100, 42));
            System.out.printf("%s: validation error %.2f%% after %d epochs, %.0f s%n", args[0],
                    h.last("validation_error"), h.size(), h.totalSeconds());
        }
    }
}
