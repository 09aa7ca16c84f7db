package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Charts;
import aelab.figures.Figures;
import aelab.metrics.Clustering;
import aelab.metrics.KMeans;
import aelab.models.aae.AdversarialAutoencoder;
import aelab.models.Diagnostics;
import aelab.models.aae.Prior;
import aelab.train.History;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AAE tutorial's supervised adversarial autoencoder: the label goes to the decoder, so the 2-D code
 * keeps only the style, and any style can be drawn as any digit.
 */
public final class SupervisedAaeExperiment implements Experiment {

    @Override
    public String name() {
        return "aae-supervised";
    }

    @Override
    public String summary() {
        return "supervised adversarial autoencoder: one style drawn as every digit; how little class the code keeps";
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        var config = run.mode().pick(AdversarialAutoencoder.Config.supervised2d().withHidden(256),
                AdversarialAutoencoder.Config.supervised2d());
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (AdversarialAutoencoder aae = new AdversarialAutoencoder(config, Prior.gaussian(5))) {
            History h = run.train("supervised", aae, run.options(2, 60, 100), (o, l) -> aae.fit(train, o, l));
            float[][] codes = aae.encode(test);
            int[] clusters = KMeans.fit(codes, 10, 3, 100, run.seed()).assignments();
            metrics.put("reconstruction_bce", h.last("reconstruction"));
            metrics.put("d_accuracy", h.last("d_accuracy"));
            metrics.put("code_std", Diagnostics.std(codes));
            metrics.put("style_code_nmi", Clustering.nmi(clusters, test.labels(), Clustering.Normalization.ARITHMETIC));
            metrics.put("epochs", h.size());
            run.figure("loss", Charts.lossCurves(h, false));
            run.figure("styles-as-every-digit", Figures.images(aae.renderStyles(aae.encode(test.head(8))), 10,
                    "each row: one test digit's style, drawn as 0 to 9"));
            run.figure("style-codes", Charts.scatter(codes, test.labels(), aae.samplePrior(2000),
                    "style codes of the test digits", "z1", "z2"));
        }
        return metrics;
    }
}
