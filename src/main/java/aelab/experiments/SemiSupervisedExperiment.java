package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Charts;
import aelab.figures.Heatmap;
import aelab.models.SemiSupervisedAae;
import aelab.train.History;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 003's semi-supervised adversarial autoencoder: categorical and style codes, each pulled
 * to its prior by a critic, and a classification phase on 100 or 1,000 labelled digits (the same
 * number of each class); the test error of each.
 */
public final class SemiSupervisedExperiment implements Experiment {

    @Override
    public String name() {
        return "aae-semi";
    }

    @Override
    public String summary() {
        return "semi-supervised adversarial autoencoder with 100 and 1,000 labels: test classification error";
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        var config = run.mode().pick(SemiSupervisedAae.Config.tutorial().withHidden(256),
                SemiSupervisedAae.Config.tutorial());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train_images", train.size());
        metrics.put("test_images", test.size());
        for (int perClass : new int[] {10, 100}) {
            String stage = "labels-" + perClass * 10;
            ImageSet labelled = SemiSupervisedAae.labelledSubset(train, perClass, run.seed());
            try (SemiSupervisedAae model = new SemiSupervisedAae(config)) {
                History h = run.train(stage, model, run.options(2, 100, 100), (o, l) -> model.fit(train, labelled, o, l));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("test_error_percent", 100 * model.errorRate(test));
                m.put("epochs", h.size());
                metrics.put(stage, m);
                run.log(stage + ": " + m);
                run.figure(stage + "-loss", Charts.lossCurves(h, false));
                run.figure(stage + "-confusion", Heatmap.confusion(model.classify(test), test.labels(),
                        "predicted class (rows) against the true label, " + perClass * 10 + " labels"));
            }
        }
        return metrics;
    }
}
