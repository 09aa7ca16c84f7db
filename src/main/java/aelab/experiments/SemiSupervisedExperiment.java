package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Charts;
import aelab.figures.Heatmap;
import aelab.models.aae.SemiSupervisedAae;
import aelab.models.aae.SemiSupervisedAaeConfig;
import aelab.train.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The AAE tutorial's semi-supervised adversarial autoencoder: categorical and style codes, each pulled
 * to its prior by a critic, and a classification phase on 100 or 1,000 labelled digits (the same
 * number of each class). A validation set is held out of the training digits and scored after
 * every epoch; the test digits are scored once, at the end.
 */
public final class SemiSupervisedExperiment implements Experiment {

    private final String recipe;
    private final String summary;
    private final IntFunction<SemiSupervisedAaeConfig> preset;

    private SemiSupervisedExperiment(String recipe, String summary, IntFunction<SemiSupervisedAaeConfig> preset) {
        this.recipe = recipe;
        this.summary = summary;
        this.preset = preset;
    }

    /** The refined preset, its rate drops placed for the run's epochs. */
    public static SemiSupervisedExperiment refined() {
        return new SemiSupervisedExperiment("refined", "semi-supervised adversarial autoencoder with 100 and 1,000"
                + " labels: validation and test error", SemiSupervisedAaeConfig::refined);
    }

    /** The refined preset on digits shifted by up to 3 pixels and turned by up to 10 degrees (ours, as DEC-DA). */
    public static SemiSupervisedExperiment augmented() {
        return new SemiSupervisedExperiment("augmented", "every training image shifted by up to 3 pixels and turned"
                + " by up to 10 degrees before each use (ours, as DEC-DA)",
                epochs -> SemiSupervisedAaeConfig.augmented(epochs, 3, 10));
    }

    /** The augmented preset asking two moved copies of a digit for the same class (ours, a consistency term). */
    public static SemiSupervisedExperiment consistent() {
        return new SemiSupervisedExperiment("consistent", "the augmented recipe with a term that asks two"
                + " differently moved copies of each unlabelled digit for the same class (ours)",
                epochs -> SemiSupervisedAaeConfig.consistent(epochs, 3, 10, 1f));
    }

    @Override
    public String name() {
        return "aae-semi";
    }

    @Override
    public String recipe() {
        return recipe;
    }

    @Override
    public String summary() {
        return summary;
    }

    /** The two label counts train apart from each other. */
    @Override
    public List<String> separableStages() {
        return List.of("labels-100", "labels-1000");
    }

    /** Labelled digits per class of the two stages. */
    private static final int[] PER_CLASS = {10, 100};

    /** The training digits left after the validation digits are held out, and those held out. */
    private static ImageSet[] trainAndValidation(Run run) {
        ImageSet shuffled = run.sized(run.data().train(), 2500).shuffled(run.seed());
        int held = run.mode().pick(500, 5000);
        return new ImageSet[] {shuffled.drop(held), shuffled.head(held)};
    }

    /** Enough training digits of every class, after the validation digits, for the larger labelled subset. */
    @Override
    public String dataProblem(Run run) {
        ImageSet train = trainAndValidation(run)[0];
        int needed = PER_CLASS[PER_CLASS.length - 1];
        int[] counts = new int[10];
        for (int label : train.labels()) {
            counts[label]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < needed) {
                return "after " + run.mode().pick(500, 5000) + " training images are held out for validation, class "
                        + c + " has " + counts[c] + " left, and aae-semi labels " + needed + " of each class";
            }
        }
        return null;
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet[] parts = trainAndValidation(run);
        ImageSet train = parts[0];
        ImageSet validation = parts[1];
        ImageSet test = run.sized(data.test(), 1000);
        int epochs = run.epochs(2, 40);
        var config = run.mode().pick(preset.apply(epochs).withHidden(256), preset.apply(epochs));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train_images", train.size());
        metrics.put("validation_images", validation.size());
        metrics.put("test_images", test.size());
        metrics.put("config", config);
        for (int perClass : PER_CLASS) {
            String stage = "labels-" + perClass * 10;
            if (run.skips(stage)) {
                continue;
            }
            ImageSet labelled = train.balanced(perClass, run.seed());
            run.seedEngine(stage);
            try (SemiSupervisedAae model = new SemiSupervisedAae(config)) {
                History h = run.train(stage, model, run.options(2, 40, 100),
                        (o, l) -> model.fit(train, labelled, validation, o, l));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("test_error_percent", 100 * model.errorRate(test));
                m.put("validation_error_percent", h.last("validation_error"));
                m.put("epochs", h.size());
                metrics.put(stage, m);
                run.log(stage + ": " + m);
                List<String> terms = new ArrayList<>(SemiSupervisedAae.LOSS_TERMS);
                if (config.consistency() > 0) {
                    terms.add("consistency");
                }
                run.figure(stage + "-loss", Charts.curves(h, terms, stage + ": training",
                        "mean over the epoch", false));
                run.figure(stage + "-validation", Charts.curves(h, List.of("validation_error"),
                        stage + ": error on " + validation.size() + " held-out training digits", "error (%)", false));
                run.figure(stage + "-confusion", Heatmap.confusion(model.classify(test), test.labels(), "predicted",
                        "predicted class (rows) against the true label, " + perClass * 10 + " labels"));
            }
        }
        return metrics;
    }
}
