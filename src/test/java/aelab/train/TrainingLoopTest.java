package aelab.train;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.models.Activation;
import aelab.models.DenseAutoencoder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {

    @Test
    void nanGuardNamesEpochBatchAndLossOnAForcedDivergence() {
        var exploding = new DenseAutoencoder.Config("exploding", new int[] {784, 64, 8}, Activation.LINEAR,
                Activation.LINEAR, Activation.LINEAR, DenseAutoencoder.Reconstruction.MSE, 1e9f);
        try (DenseAutoencoder ae = new DenseAutoencoder(exploding)) {
            TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                    () -> ae.fit(digits(400), new TrainingLoop.Options(20, 20, 1, false)));
            assertTrue(e.getMessage().contains("loss 'mse'") && e.getMessage().contains("epoch ")
                    && e.getMessage().contains("batch "), e.getMessage());
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
