package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Animation;
import aelab.figures.Charts;
import aelab.figures.Figures;
import aelab.models.gan.AutoencoderGan;
import aelab.models.Diagnostics;
import aelab.train.History;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AE-GAN post: an autoencoder trained as a GAN's generator with loss alpha*MSE + beta*GAN, in the
 * three verification settings, then pre-trained as an autoencoder before the adversarial loss alone.
 */
public final class AutoencoderGanExperiment implements Experiment {

    @Override
    public String name() {
        return "aegan";
    }

    @Override
    public String summary() {
        return "autoencoder as a GAN generator: the three verification runs and the pre-trained collapse";
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        ImageSet fixed = test.head(10);
        Map<String, Object> metrics = new LinkedHashMap<>();
        int pretrainEpochs = run.epochs(2, 20);
        for (AutoencoderGan.Config config : List.of(AutoencoderGan.Config.reconstructionOnly(),
                AutoencoderGan.Config.adversarialOnly(), AutoencoderGan.Config.mixed(),
                AutoencoderGan.Config.adversarialOnly().pretrained(pretrainEpochs))) {
            try (AutoencoderGan gan = new AutoencoderGan(config)) {
                String name = config.name();
                if (config.pretrainEpochs() > 0) {
                    run.train(name + "-pretrain", gan, run.options(2, 20, 128), (o, l) -> gan.pretrain(train, o, l));
                }
                Animation frames = new Animation();
                History h = run.train(name, gan, run.options(2, 40, 128), (o, l) -> gan.fit(train, o, hist -> {
                    l.accept(hist);
                    frames.add(Figures.images(gan.generate(fixed), 10, name + ": epoch " + hist.size()));
                }));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("test_mse", Diagnostics.meanSquaredError(test, gan.generate(test)));
                m.put("d_accuracy", h.last("d_accuracy"));
                m.put("output_variance_across_inputs", Arrays.stream(Diagnostics.columnVariance(gan.generate(fixed))).sum());
                m.put("epochs", h.size());
                metrics.put(name, m);
                run.figure(name + "-output", Figures.images(gan.generate(fixed), 10, name + ": G's output"));
                run.figure(name + "-losses", Charts.curves(h, List.of("ae_loss", "gan_loss", "d_loss", "d_accuracy"),
                        name + ": losses and D's accuracy", "loss / accuracy", false));
                if (frames.size() > 1) {
                    run.animation(name + "-training", frames, 400);
                }
            }
        }
        return metrics;
    }
}
