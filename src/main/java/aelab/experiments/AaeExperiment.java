package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Charts;
import aelab.figures.Figures;
import aelab.models.aae.AdversarialAutoencoder;
import aelab.models.Diagnostics;
import aelab.models.aae.Prior;
import aelab.train.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AAE tutorial's unsupervised adversarial autoencoder with a 2-D code: the N(0, 5^2) prior of the
 * tutorial, then a ring of ten Gaussians; reconstruction, code spread and the critic's accuracy.
 */
public final class AaeExperiment implements Experiment {

    @Override
    public String name() {
        return "aae";
    }

    @Override
    public String summary() {
        return "adversarial autoencoder, 2-D code, Gaussian and ring priors: codes against prior samples";
    }

    @Override
    public List<String> separableStages() {
        return List.of("gaussian", "ring");
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        var config = run.mode().pick(AdversarialAutoencoder.Config.unsupervised2d().withHidden(256),
                AdversarialAutoencoder.Config.unsupervised2d());
        Map<String, Object> metrics = new LinkedHashMap<>();
        Map<String, Prior> priors = new LinkedHashMap<>();
        priors.put("gaussian", Prior.gaussian(5));
        priors.put("ring", Prior.mixtureOfGaussians(10, 4, 0.5f));
        for (Map.Entry<String, Prior> prior : priors.entrySet()) {
            String stage = prior.getKey();
            if (run.skips(stage)) {
                continue;
            }
            run.seedEngine(stage);
            try (AdversarialAutoencoder aae = new AdversarialAutoencoder(config, prior.getValue())) {
                History h = run.train(stage, aae, run.options(2, 60, 100), (o, l) -> aae.fit(train, o, l));
                float[][] codes = aae.encode(test);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("reconstruction_bce", h.last("reconstruction"));
                m.put("d_accuracy", h.last("d_accuracy"));
                m.put("code_std", Diagnostics.std(codes));
                m.put("epochs", h.size());
                metrics.put(stage, m);
                run.figure(stage + "-codes", Charts.scatter(codes, test.labels(), aae.samplePrior(2000),
                        "AAE codes of the test digits over " + prior.getValue() + " samples", "z1", "z2"));
                run.figure(stage + "-game", Charts.curves(h, List.of("d_loss", "g_loss", "d_accuracy"),
                        "the adversarial game", "loss / accuracy", false));
                if (stage.equals("gaussian")) {
                    run.figure("gaussian-sweep", Figures.latentSweep(aae::decode, 15, 5, 0, "AAE decoder over the prior"));
                }
            }
        }
        return metrics;
    }
}
