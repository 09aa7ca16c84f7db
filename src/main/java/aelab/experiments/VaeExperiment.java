package aelab.experiments;

import aelab.data.ImageSet;
import aelab.data.Split;
import aelab.figures.Charts;
import aelab.figures.Figures;
import aelab.models.vae.VariationalAutoencoder;
import aelab.models.vae.VariationalAutoencoderConfig;
import aelab.train.History;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mrquincle's Keras collection's variational autoencoder: the Keras example's 2-D latent (784-512-2, 50 epochs) and
 * pytorch/examples' 20-D latent (784-400-20, 10 epochs), both on summed BCE + KL with Adam 1e-3
 * and batch 128; the test negative ELBO per image of each.
 */
public final class VaeExperiment implements Experiment {

    /** pytorch/examples' VAE: the test loss it prints after each of its 10 epochs on the 60,000 digits. */
    static final List<Double> PYTORCH_EXAMPLES_TEST_LOSS =
            List.of(127.3, 115.8, 112.2, 109.6, 108.5, 107.7, 107.1, 106.7, 106.0, 105.6);

    @Override
    public String name() {
        return "vae";
    }

    @Override
    public String summary() {
        return "variational autoencoder, 2-D and 20-D latent: test negative ELBO, latent scatter and sweep";
    }

    @Override
    public Map<String, Object> run(Run run) {
        Split data = run.data();
        ImageSet train = run.sized(data.train(), 2000);
        ImageSet test = run.sized(data.test(), 1000);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train_images", train.size());
        metrics.put("test_images", test.size());
        try (VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoderConfig.keras2d())) {
            History h = run.train("vae-2d", vae, run.options(3, 50, 128), (o, l) -> vae.fit(train, o, l));
            metrics.put("latent_2", elbo(vae.negativeElbo(test), h.size()));
            run.figure("vae-2d-loss", Charts.lossCurves(h, false));
            run.figure("vae-2d-scatter", Charts.scatter(vae.encodeMeans(test), test.labels(),
                    "VAE: mean codes of the test digits", "z1", "z2"));
            run.figure("vae-2d-sweep", Figures.latentSweep(vae::decode, 15, 1, 0, "VAE decoder over the latent plane"));
            run.figure("vae-2d-reconstructions", Figures.reconstructions(test, vae.reconstruct(test.head(14)), 14,
                    "test digits and their reconstructions from a 2-D code"));
        }
        try (VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoderConfig.pytorch20())) {
            // the test loss after every epoch, as pytorch/examples prints it (kept in measures.json)
            History h = run.train("vae-20d", vae, run.options(2, 10, 128), (o, l) -> vae.fit(train, o, hist -> {
                int e = hist.size();
                double loss = testLoss(run, e, () -> vae.negativeElbo(test)[0]);
                run.log(String.format("vae-20d epoch %d: test loss %.1f (pytorch/examples: %s)", e, loss,
                        e <= PYTORCH_EXAMPLES_TEST_LOSS.size() ? PYTORCH_EXAMPLES_TEST_LOSS.get(e - 1) : "-"));
                l.accept(hist);
            }));
            List<Double> curve = new ArrayList<>();
            for (int e = 1; e <= h.size(); e++) {
                curve.add(testLoss(run, e, () -> Double.NaN)); // measured after epoch e, in this run or before
            }
            Map<String, Object> latent20 = elbo(vae.negativeElbo(test), h.size());
            latent20.put("test_loss_per_epoch", curve);
            latent20.put("pytorch_examples_per_epoch", PYTORCH_EXAMPLES_TEST_LOSS);
            metrics.put("latent_20", latent20);
            run.figure("vae-20d-loss", Charts.lossCurves(h, false));
            run.figure("vae-20d-samples", Figures.images(vae.sample(64), 16, "VAE 20-D: samples from the prior"));
        }
        return metrics;
    }

    /** The test loss after {@code epoch}, measured once (a resumed run reads it back). */
    private static double testLoss(Run run, int epoch, java.util.function.DoubleSupplier loss) {
        return run.measure("vae-20d test after epoch " + epoch, () -> Map.of("loss", loss.getAsDouble())).get("loss");
    }

    private static Map<String, Object> elbo(double[] terms, int epochs) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("test_negative_elbo", terms[0]);
        m.put("test_reconstruction", terms[1]);
        m.put("test_kl", terms[2]);
        m.put("epochs", epochs);
        return m;
    }
}
