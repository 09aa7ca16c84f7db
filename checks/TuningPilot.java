import aelab.Lab;
import aelab.Mode;
import aelab.data.ImageSet;
import aelab.data.Mnist;
import aelab.metrics.Clustering;
import aelab.models.DeepClustering;
import aelab.models.DeepClusteringConfig;
import aelab.train.History;
import aelab.train.TrainingLoop;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Does a fine-tuning setting change what DEC, IDEC or ADEC gains from a given start? Loads a
 * pre-trained stacked autoencoder from a MNIST-test clustering run's checkpoint, puts the centres
 * where k-means (20 restarts, the run's seed) finds them, fine-tunes with the chosen optimizer and
 * prints the scores before and after. Labels only score; the run's own rows are the control.
 *
 *   java -cp "target/classes:target/lib/*" checks/TuningPilot.java CHECKPOINT dec|idec|adec sgd|adam RATE SEED \
 *       [SHIFT [ROTATION [CRITIC_NOISE [DECODER_RATE [EPOCHS [ADV_WEIGHT [CRITIC_CLIP [INTERVAL [SAVE_TO]]]]]]]]]
 *
 * SHIFT, ROTATION: fine-tune on digits moved by up to this many pixels and turned by up to this many
 * degrees (P from the digits as they are). CRITIC_NOISE: ADEC's instance noise. DECODER_RATE: the
 * decoder's own fine-tuning rate (0: RATE). EPOCHS: at most this
 * many (default 500, DEC-keras's 20,000 iterations on 10,000 digits in batches of 256). ADV_WEIGHT:
 * ADEC's adversarial weight (default the preset's 0.01). CRITIC_CLIP: above 0, a Wasserstein critic with
 * its weights clipped to that bound (default 0, the paper's critic). INTERVAL: batches between updates of
 * P (default 30, the originals' value for a set of 10,000; runs before session 21 used 140). SAVE_TO: a
 * checkpoint file to write the fine-tuned model to (for checks/GainCeiling.java).
 */
public class TuningPilot {
    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: TuningPilot.java PRETRAIN_CHECKPOINT dec|idec|adec sgd|adam RATE SEED"
                    + " [SHIFT [ROTATION [CRITIC_NOISE [DECODER_RATE [EPOCHS [ADV_WEIGHT [CRITIC_CLIP [INTERVAL [SAVE_TO]]]]]]]]]");
            System.exit(2);
        }
        int seed = Integer.parseInt(args[4]);
        Lab.start(seed, Mode.FULL);
        ImageSet images = Mnist.load().test();
        DeepClusteringConfig config = switch (args[1]) {
            case "idec" -> DeepClusteringConfig.idec();
            case "adec" -> DeepClusteringConfig.adec();
            default -> DeepClusteringConfig.dec();
        };
        float rate = Float.parseFloat(args[3]);
        int shift = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        double rotation = args.length > 6 ? Double.parseDouble(args[6]) : 0;
        float noise = args.length > 7 ? Float.parseFloat(args[7]) : 0;
        float decoderRate = args.length > 8 ? Float.parseFloat(args[8]) : 0;
        int epochs = args.length > 9 ? Integer.parseInt(args[9]) : 500;
        float weight = args.length > 10 ? Float.parseFloat(args[10]) : config.adversarialWeight();
        float clip = args.length > 11 ? Float.parseFloat(args[11]) : 0;
        int interval = args.length > 12 ? Integer.parseInt(args[12]) : DeepClusteringConfig.updateIntervalFor(images.size());
        config = (args[2].equals("adam") ? config.withAdamTuning(rate) : config.withClusterRate(rate)).withTuneShift(shift).withRotation(rotation).withCriticNoise(noise).withDecoderRate(decoderRate)
                .withAdversarialWeight(weight).withCriticClip(clip).withUpdateInterval(interval);
        // a checkpoint of clustering-acai also holds pre-training's interpolation critic
        Path runConfig = Path.of(args[0]).toAbsolutePath().getParent().resolveSibling("config.json");
        try {
            if (Files.exists(runConfig) && Files.readString(runConfig).contains("\"clustering-acai\"")) {
                config = config.withPretraining(DeepClusteringConfig.Pretraining.interpolation());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (DeepClustering model = new DeepClustering(config)) {
            model.load(Path.of(args[0]));
            int[] start = model.initialiseCentres(images, seed);
            System.out.println("AE + k-means: " + Clustering.scores(start, images.labels()));
            History h = model.cluster(images, new TrainingLoop.Options(epochs, 256, seed, true));
            System.out.println(args[1] + " with " + args[2] + " " + rate + ", shifts " + shift + ", turns " + rotation
                    + ", critic noise " + noise + ", decoder rate " + decoderRate + ", adversarial weight " + weight
                    + ", critic clip " + clip + ", P every " + interval + " batches: " + Clustering.scores(model.predict(images), images.labels())
                    + " after " + h.size() + " epochs");
            if (args.length > 13) {
                model.save(Path.of(args[13]));
            }
        }
    }
}
