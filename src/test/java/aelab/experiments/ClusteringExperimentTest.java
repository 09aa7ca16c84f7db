package aelab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClusteringExperimentTest {

    @Test
    void fineTuningStopsWithinDecKerasTwentyThousandIterations() {
        // 70,000 images: 274 batches of 256 per epoch; 73 epochs hold 20,002 iterations, 72 only 19,728
        assertEquals(73, ClusteringExperiment.tuningEpochs(70_000, 256));
        assertEquals(500, ClusteringExperiment.tuningEpochs(10_000, 256));
        assertEquals(20_000, ClusteringExperiment.tuningEpochs(100, 256));
    }

    @Test
    void pretrainingKeepsTheStepsOf200EpochsOnTenThousandImages() {
        assertEquals(200, ClusteringExperiment.perSize(200, 10_000));
        assertEquals(29, ClusteringExperiment.perSize(200, 70_000));
    }
}
