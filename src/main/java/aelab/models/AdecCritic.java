package aelab.models;

import aelab.losses.Losses;
import aelab.train.Network;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;

/**
 * ADEC's image critic: real digits against reconstructions, trained with the paper's log loss
 * or, when {@code clip > 0}, as a Wasserstein critic with clipped weights (ours).
 */
final class AdecCritic {

    private final Network network;
    private final float noise;
    private final float clip;

    AdecCritic(int pixels, float noise, float clip, NDManager manager) {
        this.network = new Network("discriminator", Blocks.critic(500, 500), Blocks.adam(1e-4f), manager,
                new Shape(1, pixels));
        this.noise = noise;
        this.clip = clip;
    }

    Network network() {
        return network;
    }

    /**
     * The encoder's adversarial term on reconstructions: ADEC's minimax log(1 - D(x')), since the
     * non-saturating -log D(x') grew to ~6 while the critic won and tore the clusters apart (ACC 0.71 -> 0.44).
     */
    NDArray generatorTerm(NDArray reconstructions) {
        NDArray out = network.forward(view(reconstructions), true);
        return clip > 0 ? Losses.wassersteinGenerator(out) : Losses.minimaxGenerator(out);
    }

    /** One update of the critic on digits against reconstructions. */
    Map<String, Double> step(NDArray real, NDArray fake) {
        return clip > 0 ? network.wassersteinStep(view(real), view(fake), clip)
                : network.criticStep(view(real), view(fake));
    }

    /** Images as the critic sees them: with instance noise, x + N(0, sigma^2) per pixel. */
    NDArray view(NDArray images) {
        return noise == 0 ? images : images.add(images.getManager().randomNormal(0, noise,
                images.getShape(), images.getDataType()));
    }
}
