package aelab.models.gan;

import aelab.models.Activation;
import aelab.models.Blocks;
import aelab.models.Rows;

import aelab.data.ImageSet;
import aelab.losses.Losses;
import aelab.nn.Scalars;
import aelab.train.Adam;
import aelab.train.Checkpoint;
import aelab.train.Checkpointed;
import aelab.train.History;
import aelab.train.Network;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An autoencoder trained as the generator of a GAN (the AE-GAN post): per batch, an image discriminator
 * learns real images from reconstructions, then the autoencoder minimises
 * alpha * MSE(x, G(x)) + beta * BCE(D(G(x)), real), the adversarial part from logits.
 */
public final class AutoencoderGan implements AutoCloseable, Checkpointed {

    /**
     * @param alpha weight of the reconstruction term
     * @param beta weight of the adversarial term
     * @param pretrainEpochs epochs of plain reconstruction (alpha 1, beta 0, no discriminator) first
     */
    public record Config(String name, int[] sizes, float alpha, float beta, float learningRate, int pretrainEpochs) {
        /** Written with the arrays' contents, so that a notebook printing it shows the sizes. */
        @Override
        public String toString() {
            return aelab.Records.toString(this);
        }

        public Config {
            sizes = sizes.clone();
        }

        @Override
        public int[] sizes() {
            return sizes.clone();
        }

        /** Verification 1: alpha 1, beta 0 behaves as a plain autoencoder. */
        public static Config reconstructionOnly() {
            return new Config("aegan-a1-b0", new int[] {784, 256, 64}, 1, 0, 2e-4f, 0);
        }

        /** Verification 2: alpha 0, beta 1 is a GAN whose generator is shaped like an autoencoder. */
        public static Config adversarialOnly() {
            return new Config("aegan-a0-b1", new int[] {784, 256, 64}, 0, 1, 2e-4f, 0);
        }

        /** Verification 3: alpha 1, beta 0.005, learning rate lowered to 1e-4. */
        public static Config mixed() {
            return new Config("aegan-a1-b0.005", new int[] {784, 256, 64}, 1, 0.005f, 1e-4f, 0);
        }

        /** The same weights with a pre-trained autoencoder as generator. */
        public Config pretrained(int epochs) {
            return new Config(name + "-pretrained", sizes, alpha, beta, learningRate, epochs);
        }
    }

    private final Config config;
    private final NDManager manager;
    private final Network generator;
    private final Network discriminator;

    public AutoencoderGan(Config config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        int[] s = config.sizes;
        SequentialBlock g = new SequentialBlock();
        for (int i = 1; i < s.length; i++) {
            g.add(Linear.builder().setUnits(s[i]).build()).add(Activation.RELU.asFunction());
        }
        for (int i = s.length - 2; i >= 0; i--) {
            g.add(Linear.builder().setUnits(s[i]).build()).add((i == 0 ? Activation.SIGMOID : Activation.RELU).asFunction());
        }
        ai.djl.nn.Block d = Blocks.critic(512, 256);
        Optimizer gOpt = new Adam(config.learningRate, 0.5f);
        Optimizer dOpt = new Adam(config.learningRate, 0.5f);
        generator = new Network("generator", g, gOpt, manager, new Shape(1, s[0]));
        discriminator = new Network("discriminator", d, dOpt, manager, new Shape(1, s[0]));
    }

    public Config config() {
        return config;
    }

    /** Pre-trains the generator as a plain autoencoder for the config's pretrain epochs. */
    public History pretrain(ImageSet data, int batchSize, long seed) {
        return pretrain(data, new TrainingLoop.Options(config.pretrainEpochs, batchSize, seed));
    }

    /** Pre-trains the generator as a plain autoencoder with the given options. */
    @SafeVarargs
    public final History pretrain(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        return TrainingLoop.run(config.name + " pre-training", data, manager, options, batch -> {
            double value;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray loss = Losses.meanSquaredError(generator.forward(batch.x(), true), batch.x());
                gc.backward(loss);
                value = loss.getFloat();
            }
            generator.step();
            return Map.of("ae_loss", value);
        }, List.of(listeners));
    }

    @SafeVarargs
    public final History fit(ImageSet data, TrainingLoop.Options options, Consumer<History>... listeners) {
        return TrainingLoop.run(config.name, data, manager, options, batch -> {
            Map<String, Double> out = new LinkedHashMap<>();
            NDArray x = batch.x();
            out.putAll(discriminator.criticStep(x, generator.forward(x, false)));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray xHat = generator.forward(x, true);
                NDArray ae = Losses.meanSquaredError(xHat, x);
                NDArray dOut = discriminator.forward(xHat, true);
                NDArray gan = Losses.nonSaturatingGenerator(dOut);
                NDArray loss = Scalars.mul(ae, config.alpha).add(Scalars.mul(gan, config.beta));
                gc.backward(loss);
                out.put("ae_loss", (double) ae.getFloat());
                out.put("gan_loss", (double) gan.getFloat());
                out.put("g_loss", (double) loss.getFloat());
            }
            generator.step();
            return out;
        }, List.of(listeners));
    }

    /** The generator's output for every image. */
    public float[][] generate(ImageSet images) {
        return Rows.map(manager, images, x -> generator.forward(x, false));
    }

    public void save(Path file) {
        Checkpoint.save(file, List.of(generator, discriminator));
    }

    public void load(Path file) {
        Checkpoint.load(file, List.of(generator, discriminator));
    }

    @Override
    public void close() {
        manager.close();
    }
}
