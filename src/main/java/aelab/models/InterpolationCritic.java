package aelab.models;

import aelab.losses.Losses;
import aelab.nn.Scalars;
import aelab.train.Network;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ACAI's critic (adversarially constrained autoencoder interpolation, Berthelot et al. 2018), used in
 * pre-training as a third-party reimplementation of ADEC does: images are decoded from codes mixed
 * with weight alpha in [0, 0.5], the critic learns to tell alpha from the image, and the autoencoder
 * learns to make its mixtures look unmixed (alpha 0), which asks for codes whose straight lines stay
 * on the data. The critic has the encoder's widths (500-500-2000, leaky ReLU) and one output, and
 * learns by Adam 1e-4, as in the ACAI paper.
 */
final class InterpolationCritic {

    /** ACAI's gamma: the critic also sees gamma x + (1 - gamma) x' and must answer 0 there. */
    static final float BLEND = 0.2f;

    private final Network network;

    InterpolationCritic(int pixels, NDManager manager) {
        network = new Network("interpolation-critic", Blocks.critic(500, 500, 2000), Blocks.adam(1e-4f), manager,
                new Shape(1, pixels));
    }

    Network network() {
        return network;
    }

    /** One mixing weight per row, uniform in [0, 0.5]. */
    static NDArray alphas(NDManager manager, long rows) {
        return manager.randomUniform(0f, 0.5f, new Shape(rows, 1));
    }

    /** Each code mixed with its partner in the reversed batch: alpha z + (1 - alpha) z_reversed. */
    static NDArray mix(NDArray codes, NDArray alpha) {
        NDArray other = codes.flip(0);
        return other.add(codes.sub(other).mul(alpha));
    }

    /** The autoencoder's term on images decoded from mixed codes (see {@link Losses#interpolationPenalty}). */
    NDArray penalty(NDArray mixedImages) {
        return Losses.interpolationPenalty(network.forward(mixedImages, true));
    }

    /**
     * One pre-training step with this critic: the autoencoder minimises its mean squared error plus
     * {@code weight} times the penalty on images decoded from mixed codes, then the critic learns from those
     * images. Reports {@code mse}, {@code interpolation} (the penalty) and {@code critic} (its loss).
     */
    Map<String, Double> pretrainingStep(Network encoder, Network decoder, NDArray x, float weight) {
        NDArray alpha = alphas(x.getManager(), x.getShape().get(0));
        Map<String, Double> out = new LinkedHashMap<>();
        NDArray reconstructions;
        NDArray mixed;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray z = encoder.forward(x, true);
            reconstructions = decoder.forward(z, true);
            NDArray mse = Losses.meanSquaredError(reconstructions, x);
            mixed = decoder.forward(mix(z, alpha), true);
            NDArray penalty = penalty(mixed);
            gc.backward(mse.add(Scalars.mul(penalty, weight)));
            out.put("mse", (double) mse.getFloat());
            out.put("interpolation", (double) penalty.getFloat());
        }
        encoder.step();
        decoder.step();
        out.putAll(step(x, reconstructions, mixed, alpha));
        return out;
    }

    /** One update of the critic; nothing flows back into the autoencoder. Returns its loss as {@code critic}. */
    Map<String, Double> step(NDArray real, NDArray reconstructions, NDArray mixedImages, NDArray alpha) {
        double value;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray blended = Scalars.mul(real, BLEND).add(Scalars.mul(reconstructions.stopGradient(), 1 - BLEND));
            NDArray loss = Losses.interpolationCritic(network.forward(mixedImages.stopGradient(), true), alpha,
                    network.forward(blended, true));
            gc.backward(loss);
            value = loss.getFloat();
        }
        network.step();
        return Map.of("critic", value);
    }
}
