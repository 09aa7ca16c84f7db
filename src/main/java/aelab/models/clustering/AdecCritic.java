package aelab.models.clustering;

import aelab.models.Blocks;

import aelab.losses.Losses;
import aelab.train.Network;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;

/** ADEC's image critic: real digits against reconstructions, trained with the paper's log loss. */
final class AdecCritic {

    private final Network network;

    AdecCritic(int pixels, NDManager manager) {
        this.network = new Network("discriminator", Blocks.critic(500, 500), Blocks.adam(1e-4f), manager,
                new Shape(1, pixels));
    }

    Network network() {
        return network;
    }

    /**
     * The encoder's adversarial term on reconstructions: ADEC's minimax log(1 - D(x')), since the
     * non-saturating -log D(x') grew to ~6 while the critic won and tore the clusters apart (ACC 0.71 -> 0.44).
     */
    NDArray generatorTerm(NDArray reconstructions) {
        return Losses.minimaxGenerator(network.forward(reconstructions, true));
    }

    /** One update of the critic on digits against reconstructions. */
    Map<String, Double> step(NDArray real, NDArray fake) {
        return network.criticStep(real, fake);
    }
}
