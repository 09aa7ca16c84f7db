package aelab.models.aae;

import aelab.models.Activation;
import aelab.models.Blocks;

import aelab.losses.Losses;
import aelab.train.Adam;
import aelab.train.Network;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The semi-supervised AAE's adversaries: a critic of the categorical code against one-hot draws and
 * a critic of the style code against its Gaussian prior.
 */
final class CodeCritics {

    private final SemiSupervisedAaeConfig config;
    private final Network category;
    private final Network style;

    CodeCritics(SemiSupervisedAaeConfig config, NDManager manager, Function<Float, Adam> adam) {
        this.config = config;
        category = new Network("category-critic", Blocks.mlp(config.hidden(), 1, 0.2f, Activation.LINEAR),
                adam.apply(config.regularizationRate()), manager, new Shape(1, config.classes()));
        style = new Network("style-critic", Blocks.mlp(config.hidden(), 1, 0.2f, Activation.LINEAR),
                adam.apply(config.regularizationRate()), manager, new Shape(1, config.style()));
    }

    /** What a checkpoint holds. */
    List<Network> networks() {
        return List.of(category, style);
    }

    /** The critics learn prior draws against the encoder's codes {@code fakeY} (probabilities) and {@code fakeZ}, held fixed. */
    void learn(NDArray fakeY, NDArray fakeZ, Map<String, Double> out) {
        NDManager m = fakeY.getManager();
        long n = fakeY.getShape().get(0);
        NDArray realY = m.randomInteger(0, config.classes(), new Shape(n), DataType.INT32).oneHot(config.classes());
        NDArray realZ = m.randomNormal(0, config.priorStd(), new Shape(n, config.style()), DataType.FLOAT32);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray dY = Losses.discriminator(category.forward(noisy(realY, config.criticNoise()), true),
                    category.forward(noisy(fakeY, config.criticNoise()), true));
            NDArray dZ = Losses.discriminator(style.forward(realZ, true), style.forward(fakeZ, true));
            gc.backward(dY.add(dZ));
            out.put("d_category", (double) dY.getFloat());
            out.put("d_style", (double) dZ.getFloat());
        }
        category.step();
        style.step();
    }

    /** The encoder's loss for fooling the critics with class probabilities {@code y} and style {@code z} (non-saturating). */
    NDArray generatorLoss(NDArray y, NDArray z) {
        return Losses.nonSaturatingGenerator(category.forward(noisy(y, config.criticNoise()), true))
                .add(Losses.nonSaturatingGenerator(style.forward(z, true)));
    }

    /** See {@link SemiSupervisedAae#criticReport}: the critics on prior draws and on codes {@code y}, {@code z}. */
    Map<String, Double> report(NDArray y, NDArray z, long seed) {
        NDManager m = y.getManager();
        int n = (int) y.getShape().get(0);
        // a local generator: reseeding the engine's would change the random stream of later training
        Random draw = new Random(seed);
        int[] classes = new int[n];
        float[] styles = new float[n * config.style()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = draw.nextInt(config.classes());
        }
        for (int i = 0; i < styles.length; i++) {
            styles[i] = (float) (draw.nextGaussian() * config.priorStd());
        }
        NDArray realY = m.create(classes).oneHot(config.classes());
        NDArray realZ = m.create(styles, new Shape(n, config.style()));
        Map<String, Double> out = new LinkedHashMap<>();
        NDArray[][] pairs = {{category.forward(realY, false), category.forward(y, false)},
            {style.forward(realZ, false), style.forward(z, false)}};
        String[] names = {"category", "style"};
        for (int k = 0; k < 2; k++) {
            out.put(names[k] + "_critic_on_prior", (double) ai.djl.nn.Activation.sigmoid(pairs[k][0]).mean().getFloat());
            out.put(names[k] + "_critic_on_codes", (double) ai.djl.nn.Activation.sigmoid(pairs[k][1]).mean().getFloat());
            NDArray both = pairs[k][0].concat(pairs[k][1], 0);
            out.put(names[k] + "_logit_std", Math.sqrt(both.sub(both.mean()).square().mean().getFloat()));
        }
        out.put("mean_largest_class_probability", (double) y.max(new int[] {1}).mean().getFloat());
        return out;
    }

    /** {@code y} with Gaussian noise of standard deviation {@code std} added (unchanged when 0). */
    private static NDArray noisy(NDArray y, float std) {
        return std == 0 ? y : y.add(y.getManager().randomNormal(0, std, y.getShape(), y.getDataType()));
    }
}
