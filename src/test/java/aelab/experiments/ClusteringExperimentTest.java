package aelab.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.models.clustering.DeepClusteringConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

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

    @Test
    void heldOutPretrainingTakesDecKerasMnistStepsOnTheTrainingDigitsAndNeedsTheTestDigits() {
        ClusteringExperiment heldOut = (ClusteringExperiment) Experiments.find("clustering", "heldout").orElseThrow();
        int epochs = ClusteringExperiment.perSize(heldOut.pretrainEpochs(), 60_000);
        long steps = epochs * (long) Math.ceil(60_000 / 256.0);
        long decKeras = 300 * (long) Math.ceil(70_000 / 256.0);
        assertEquals(decKeras, steps, decKeras * 0.01, "DEC-keras's 300 epochs of 70,000, within 1%");
        assertEquals(null, heldOut.datasetProblem("mnist-test"));
        assertTrue(heldOut.datasetProblem("mnist").contains("--dataset mnist-test"));
        assertTrue(heldOut.datasetProblem("fashion").contains("--dataset mnist-test"));
        assertEquals(null, ClusteringExperiment.papers().datasetProblem("mnist"), "the others cluster any data set");
    }

    @Test
    void decDaPresetTakesDecDasIdecRateAndPretrainingBudgetAndLeavesTheOthersAsThePapersSetThem() {
        ClusteringExperiment decDa = (ClusteringExperiment) Experiments.find("clustering", "dec-da").orElseThrow();
        ClusteringExperiment augmented = ClusteringExperiment.augmented();
        assertEquals(500, decDa.pretrainEpochs());
        assertEquals(200, augmented.pretrainEpochs());
        DeepClusteringConfig idec = decDa.configured(DeepClusteringConfig.idec(), 20, 10_000);
        assertEquals(1.0f, idec.clusterRate());
        assertEquals(0.1f, idec.klWeight());
        assertEquals(30, idec.updateInterval());
        assertEquals(0.01f, augmented.configured(DeepClusteringConfig.idec(), 20, 10_000).clusterRate());
        assertEquals(0.01f, decDa.configured(DeepClusteringConfig.dec(), 20, 10_000).clusterRate());
        assertEquals(0.001f, decDa.configured(DeepClusteringConfig.adec(), 20, 10_000).clusterRate());
        // the same moved digits as the augmented recipe, in pre-training and fine-tuning
        DeepClusteringConfig dec = decDa.configured(DeepClusteringConfig.dec(), 20, 70_000);
        assertEquals(3, dec.pretrainShift());
        assertEquals(3, dec.tuneShift());
        assertEquals(10.0, dec.rotation());
        assertEquals(140, dec.updateInterval());
    }

    @Test
    void recipesTableReadsFinishedRunsAndComputesDecsGain(@TempDir Path dir) throws Exception {
        Path sgd = Files.createDirectory(dir.resolve("sgd-run"));
        Files.writeString(sgd.resolve("metrics.json"), """
                {"experiment": "clustering", "pretraining": "SGD", "code_norm": 6.1,
                 "ae_kmeans": {"acc": 0.72}, "dec": {"acc": 0.77, "epochs": 64},
                 "idec": {"acc": 0.75}, "adec": {"acc": 0.76}}
                """);
        Table t = ClusteringExperiment.recipes(sgd);
        assertEquals(1, t.rowCount());
        assertEquals("sgd-run", t.stringColumn("run").get(0));
        assertEquals(0.05, t.doubleColumn("DEC gain").get(0), 1e-9);
        assertEquals(6.1, t.doubleColumn("mean code norm").get(0), 1e-9);
    }

    @Test
    void recipesTableNamesAMissingOrUnfinishedRun(@TempDir Path dir) throws Exception {
        var missing = assertThrows(Run.RunException.class, () -> ClusteringExperiment.recipes(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("no finished run") && missing.getMessage().contains("nope"),
                missing.getMessage());
        Files.writeString(dir.resolve("metrics.json"), "{\"experiment\": \"vae\"}");
        var other = assertThrows(Run.RunException.class, () -> ClusteringExperiment.recipes(dir));
        assertTrue(other.getMessage().contains("not a finished clustering run"), other.getMessage());
        Files.writeString(dir.resolve("metrics.json"), "{ not json");
        var corrupt = assertThrows(Run.RunException.class, () -> ClusteringExperiment.recipes(dir));
        assertTrue(corrupt.getMessage().contains("cannot read"), corrupt.getMessage());
    }
}
