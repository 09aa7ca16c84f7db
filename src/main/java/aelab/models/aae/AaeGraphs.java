package aelab.models.aae;

import aelab.models.Blocks;

import aelab.nn.CachedLoss;
import aelab.nn.Graph;
import aelab.train.Network;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The adversarial autoencoder's three phases, each as one cached MXNet graph over the model's own
 * weights ({@link CachedLoss}): reconstruction (encoder and decoder; inputs data and, supervised, the
 * one-hot labels), the critic's step (inputs prior samples and the encoder's codes, computed outside
 * without dropout, so only the critic learns) and the generator's step (encoder and critic). Each network is the {@link Blocks#mlp} stack: dense, dropout, ReLU twice, then a dense output.
 */
record AaeGraphs(CachedLoss reconstruction, CachedLoss critic, CachedLoss generator) implements AutoCloseable {

    /** Empty unless MXNet (and aelab.cachedGraphs) allows cached graphs. */
    static Optional<AaeGraphs> of(AdversarialAutoencoder.Config config, NDManager manager, Network encoder,
            Network decoder, Network discriminator) {
        Graph g = new Graph();
        Graph.Node x = g.input("data");
        Graph.Node labels = config.supervised() ? g.input("labels") : null;
        Graph.Node z = mlp(g, "encoder", x, config.hidden(), config.latent(), config.dropout(), null);
        Graph.Node in = config.supervised() ? g.concat("decoder_in", 1, z, labels) : z;
        Graph.Node xHat = mlp(g, "decoder", in, config.hidden(), 784, config.dropout(), "sigmoid");
        List<String> inputs = config.supervised() ? List.of("data", "labels") : List.of("data");
        Optional<CachedLoss> first = CachedLoss.on(manager, g, inputs, parameters(encoder, decoder),
                g.binaryCrossEntropy("rec", xHat, x, 1e-7f));
        if (first.isEmpty()) {
            return Optional.empty();
        }

        // the codes come in as data: an encoder inside this graph would also be differentiated (into zeros)
        g = new Graph();
        Graph.Node real = g.input("prior");
        Graph.Node fake = g.input("codes");
        // the critic twice, on real and on fake codes, with the same weights (same parameter names)
        Graph.Node dReal = mlp(g, "critic", real, config.hidden(), 1, config.criticDropout(), null);
        Graph.Node dFake = mlp(g, "critic", fake, config.hidden(), 1, config.criticDropout(), null);
        Graph.Node dLoss = g.op("elemwise_add", "d_loss", java.util.Map.of(), g.meanSoftplus("real_loss", dReal, true),
                g.meanSoftplus("fake_loss", dFake, false));
        CachedLoss second = CachedLoss.on(manager, g, List.of("prior", "codes"), parameters(discriminator),
                dLoss, dReal, dFake).orElseThrow();

        g = new Graph();
        x = g.input("data");
        z = mlp(g, "encoder", x, config.hidden(), config.latent(), config.dropout(), null);
        Graph.Node gLoss = g.meanSoftplus("g_loss", mlp(g, "critic", z, config.hidden(), 1, config.criticDropout(), null),
                true);
        CachedLoss third = CachedLoss.on(manager, g, List.of("data"), parameters(encoder, discriminator), gLoss)
                .orElseThrow();
        return Optional.of(new AaeGraphs(first.get(), second, third));
    }

    /** {@link Blocks#mlp} as graph nodes: (dense, dropout, ReLU) twice, then dense and {@code output} (null: linear). */
    private static Graph.Node mlp(Graph g, String name, Graph.Node x, int hidden, int out, float dropout, String output) {
        Graph.Node h = x;
        for (int i = 1; i <= 2; i++) {
            h = g.activation(name + i + "_relu", g.dropout(name + i + "_dropout", g.dense(name + i, h, hidden), dropout),
                    "relu");
        }
        h = g.dense(name + 3, h, out);
        return output == null ? h : g.activation(name + "_out", h, output);
    }

    private static List<Parameter> parameters(Network... networks) {
        List<Parameter> all = new ArrayList<>();
        for (Network n : networks) {
            all.addAll(n.block().getParameters().values());
        }
        return all;
    }

    @Override
    public void close() {
        reconstruction.close();
        critic.close();
        generator.close();
    }
}
