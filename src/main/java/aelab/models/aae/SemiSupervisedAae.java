package aelab.models.aae;

import aelab.models.Activation;
import aelab.models.Blocks;
import aelab.models.Rows;

import aelab.data.ImageSet;
import aelab.data.Shifts;
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
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The semi-supervised adversarial autoencoder: the encoder gives a categorical code y (softmax
 * over the classes) and a style code z; the decoder rebuilds the image from both. Per batch:
 * (1) reconstruction; (2) one discriminator learns one-hot samples from y's, another prior draws
 * from z's; (3) the encoder learns to fool both; (4) on a batch of the few labelled images, the
 * encoder learns to classify through y (cross-entropy).
 */
public final class SemiSupervisedAae implements AutoCloseable, Checkpointed {

    /** The loss terms a training history reports, beside {@code validation_error} when validating. */
    public static final List<String> LOSS_TERMS = List.of("reconstruction", "d_category", "d_style", "g_loss",
            "classification");

    private final SemiSupervisedAaeConfig config;
    private final NDManager manager;
    private final Network encoder;
    private final Network encoderAsGenerator;
    private final Network encoderAsClassifier;
    private final Network decoder;
    private final CodeCritics critics;
    private final Map<Adam, Float> baseRates = new LinkedHashMap<>();

    public SemiSupervisedAae(SemiSupervisedAaeConfig config) {
        this.config = config;
        this.manager = NDManager.newBaseManager();
        int codes = config.classes() + config.style();
        encoder = new Network("encoder", Blocks.mlp(config.hidden(), codes, config.dropout(), Activation.LINEAR), adam(config.reconstructionRate()),
                manager, new Shape(1, 784));
        encoderAsGenerator = encoder.withOptimizer("encoder-generator", adam(config.regularizationRate()));
        encoderAsClassifier = encoder.withOptimizer("encoder-classifier", adam(config.classificationRate()));
        decoder = new Network("decoder", Blocks.mlp(config.hidden(), 784, config.dropout(), Activation.SIGMOID), adam(config.reconstructionRate()),
                manager, new Shape(1, codes));
        critics = new CodeCritics(config, manager, this::adam);
    }

    private Adam adam(float rate) {
        Adam adam = new Adam(rate, config.beta1());
        baseRates.put(adam, rate);
        return adam;
    }

    private void scheduleRates(int done) {
        baseRates.forEach((adam, rate) -> adam.setLearningRate(rate * config.rateFactor(done)));
    }

    public SemiSupervisedAaeConfig config() {
        return config;
    }

    /** Class logits (first) and style code (second) of a batch. */
    private NDArray[] encode(NDArray x, boolean training) {
        NDArray h = encoder.forward(x, training);
        return new NDArray[] {h.get(new NDIndex(":, :{}", config.classes())), h.get(new NDIndex(":, {}:", config.classes()))};
    }

    /**
     * Trains on {@code data} (its labels unused) with {@code labelled}, the few images whose labels
     * the model may see.
     */
    @SafeVarargs
    public final History fit(ImageSet data, ImageSet labelled, TrainingLoop.Options options,
            Consumer<History>... listeners) {
        return fit(data, labelled, null, options, listeners);
    }

    /**
     * As {@link #fit(ImageSet, ImageSet, TrainingLoop.Options, Consumer[])}, and when
     * {@code validation} is given (labelled images held out of {@code data}), its error in percent
     * after every epoch, as the history's {@code validation_error}: the figure to choose settings by,
     * never the test set's.
     */
    @SafeVarargs
    public final History fit(ImageSet data, ImageSet labelled, ImageSet validation, TrainingLoop.Options options,
            Consumer<History>... listeners) {
        Random pick = new Random(options.seed() + 1);
        int[] done = {options.done() == null ? 0 : options.done().size()};
        // seeded by the epoch reached, so a resumed run draws fresh shifts rather than replaying epoch 1's
        Random shifts = new Random(options.seed() * 31 + done[0]);
        scheduleRates(done[0]);
        Supplier<Map<String, Double>> afterEpoch = () -> {
            scheduleRates(++done[0]);
            return validation == null ? Map.of() : Map.of("validation_error", 100 * errorRate(validation));
        };
        try (NDManager labelledManager = manager.newSubManager()) {
            NDArray labelledImages = labelled.toNDArray(labelledManager);
            int[] labels = labelled.labels();
            return TrainingLoop.run(config.name(), data, manager, options, batch -> {
                Map<String, Double> out = new LinkedHashMap<>();
                NDManager m = batch.manager();
                int[] idx = new int[Math.min(config.labelledBatch(), labelled.size())];
                int[] y = new int[idx.length];
                for (int k = 0; k < idx.length; k++) {
                    idx[k] = pick.nextInt(labelled.size());
                    y[k] = labels[idx[k]];
                }
                NDArray lx = moves() ? moved(labelled, idx, shifts, m) : labelledImages.get(m.create(idx));
                lx.attach(m);
                NDArray oneHot = m.create(y).oneHot(config.classes());
                NDArray x = moves() ? moved(data, batch.indices(), shifts, m) : batch.x();
                reconstruct(x, lx, oneHot, out);
                regularize(x, out);
                NDArray again = config.consistency() > 0 ? moved(data, batch.indices(), shifts, m) : null;
                learnLabels(lx, oneHot, x, again, out);
                return out;
            }, afterEpoch, List.of(listeners));
        }
    }

    private boolean moves() {
        return config.shift() > 0 || config.turn() > 0;
    }

    /** The images at {@code indices}, each moved (and turned) at random (see {@link SemiSupervisedAaeConfig#shift()}). */
    private NDArray moved(ImageSet images, int[] indices, Random random, NDManager m) {
        return m.create(Shifts.randomlyMoved(images, indices, config.shift(), config.turn(), random),
                new Shape(indices.length, images.pixelsPerImage()));
    }

    /** Phase 1: encoder and decoder on the reconstruction error (and the labelled batch's, if asked). */
    private void reconstruct(NDArray x, NDArray lx, NDArray oneHot, Map<String, Double> out) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray[] yz = encode(x, true);
            NDArray code = yz[0].softmax(1).concat(yz[1], 1);
            NDArray rec = Losses.binaryCrossEntropy(decoder.forward(code, true), x);
            if (config.labelledReconstruction()) {
                NDArray known = oneHot.concat(encode(lx, true)[1], 1);
                rec = rec.add(Losses.binaryCrossEntropy(decoder.forward(known, true), lx));
            }
            gc.backward(rec);
            out.put("reconstruction", (double) rec.getFloat());
        }
        encoder.step();
        decoder.step();
    }

    /** Phase 2: the critics learn prior draws from the encoder's codes; the encoder then learns to fool them. */
    private void regularize(NDArray x, Map<String, Double> out) {
        NDArray[] fake = encode(x, false);
        critics.learn(fake[0].softmax(1).stopGradient(), fake[1].stopGradient(), out);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray[] yz = encode(x, true);
            NDArray g = critics.generatorLoss(yz[0].softmax(1), yz[1]);
            gc.backward(g);
            out.put("g_loss", (double) g.getFloat());
        }
        encoderAsGenerator.step();
    }

    /**
     * Phase 3: the encoder learns the labelled batch's classes through its categorical code; with
     * the consistency term on, also to class {@code again} (a second moved copy of the unlabelled
     * batch {@code x}) as it classes {@code x} without dropout, that class held fixed.
     */
    private void learnLabels(NDArray lx, NDArray oneHot, NDArray x, NDArray again, Map<String, Double> out) {
        NDArray target = again == null ? null : encode(x, false)[0].softmax(1).stopGradient();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray ce = Losses.crossEntropy(encode(lx, true)[0], oneHot);
            out.put("classification", (double) ce.getFloat());
            if (again != null) {
                NDArray agree = Losses.crossEntropy(encode(again, true)[0], target);
                out.put("consistency", (double) agree.getFloat());
                ce = ce.add(Scalars.mul(agree, config.consistency()));
            }
            gc.backward(ce);
        }
        encoderAsClassifier.step();
    }

    /** The most likely class of each image, from the categorical code. */
    public int[] classify(ImageSet images) {
        return Rows.argmax(classProbabilities(images));
    }

    /** The categorical code (class probabilities) of each image. */
    public float[][] classProbabilities(ImageSet images) {
        return Rows.map(manager, images, x -> encode(x, false)[0].softmax(1));
    }

    /** Share of images whose class is predicted wrongly. */
    public double errorRate(ImageSet images) {
        int[] pred = classify(images);
        int wrong = 0;
        for (int i = 0; i < pred.length; i++) {
            wrong += pred[i] != images.label(i) ? 1 : 0;
        }
        return wrong / (double) pred.length;
    }

    /**
     * What the critics make of {@code images} (no training, no noise): each critic's mean output
     * probability on prior draws and on the encoder's codes (both near 0.5 with a spread near 0
     * means a critic that no longer tells anything apart), the spread of its logits, and how
     * one-hot the categorical code is (mean of the largest class probability).
     */
    public Map<String, Double> criticReport(ImageSet images, long seed) {
        try (NDManager m = manager.newSubManager()) {
            NDArray[] yz = encode(images.toNDArray(m), false);
            return critics.report(yz[0].softmax(1), yz[1], seed);
        }
    }

    /** Style codes, one row per image. */
    public float[][] styles(ImageSet images) {
        return Rows.map(manager, images, x -> encode(x, false)[1]);
    }

    /** Images drawn as class {@code label} in each given style. */
    public float[][] generate(float[][] styles, int label) {
        return Rows.map(manager, styles, z -> decoder.forward(
                z.getManager().full(new Shape(z.getShape().get(0)), label).oneHot(config.classes()).concat(z, 1), false));
    }

    public void save(Path file) {
        Checkpoint.save(file, networks(), List.of(encoderAsGenerator, encoderAsClassifier));
    }

    public void load(Path file) {
        Checkpoint.load(file, networks(), List.of(encoderAsGenerator, encoderAsClassifier));
    }

    /** What a checkpoint holds (the style adversary only when on, so older checkpoints still load). */
    private List<Network> networks() {
        List<Network> all = new java.util.ArrayList<>(List.of(encoder, decoder));
        all.addAll(critics.networks());
        return all;
    }

    @Override
    public void close() {
        manager.close();
    }
}
