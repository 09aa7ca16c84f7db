package aelab.train;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.models.Activation;
import aelab.models.dense.DenseAutoencoder;
import aelab.models.dense.DenseAutoencoderConfig;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingLoopTest {

    @TempDir Path dir;

    @Test
    void nanGuardNamesEpochBatchAndLossAndTheLastCheckpointStaysGood() {
        Path checkpoint = dir.resolve("last-good.ckpt");
        var data = digits(400);
        var config = new DenseAutoencoderConfig("small-mse", new int[] {784, 64, 8}, Activation.RELU,
                Activation.LINEAR, Activation.LINEAR, DenseAutoencoder.Reconstruction.MSE, 1e-3f);
        try (DenseAutoencoder ae = new DenseAutoencoder(config)) {
            // checkpoints are written after each completed epoch, as a command-line run does; after
            // the second, a weight is poisoned so that the third epoch's loss is NaN
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> ae.fit(data, new TrainingLoop.Options(10, 20, 1, false), h -> {
                        ae.save(checkpoint);
                        if (h.size() == 2) {
                            // the output layer's bias: no ReLU after it to swallow the NaN
                            var params = ae.network().block().getParameters();
                            var weight = params.get(params.size() - 1).getValue().getArray();
                            float[] nan = new float[(int) weight.size()];
                            java.util.Arrays.fill(nan, Float.NaN);
                            weight.set(nan);
                        }
                    }));
            assertTrue(e.getMessage().contains("loss 'mse' became NaN at epoch 3, batch 0"), e.getMessage());
        }
        try (DenseAutoencoder restored = new DenseAutoencoder(config)) {
            restored.load(checkpoint);
            assertTrue(Double.isFinite(restored.reconstructionError(data)), "the last checkpoint predates the divergence");
        }
    }

    @Test
    void anExplodingLearningRateIsCaught() {
        var exploding = new DenseAutoencoderConfig("exploding", new int[] {784, 64, 8}, Activation.LINEAR,
                Activation.LINEAR, Activation.LINEAR, DenseAutoencoder.Reconstruction.MSE, 1e9f);
        try (DenseAutoencoder ae = new DenseAutoencoder(exploding)) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> ae.fit(digits(400), new TrainingLoop.Options(20, 20, 1, false)));
            assertTrue(e.getMessage().contains("loss 'mse'") && e.getMessage().contains("lower the learning rate"),
                    e.getMessage());
        }
    }

    @Test
    void aStepReportingNanIsStoppedAtOnce() {
        var data = digits(10);
        try (var manager = ai.djl.ndarray.NDManager.newBaseManager()) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> TrainingLoop.run("t",
                    data, manager, new TrainingLoop.Options(1, 5, 1, false),
                    b -> Map.of("d_loss", Double.NaN), List.of()));
            assertTrue(e.getMessage().contains("'d_loss' became NaN at epoch 1, batch 0"), e.getMessage());
        }
    }
}
