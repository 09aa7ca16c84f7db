package aelab.models.gan;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.train.History;
import aelab.train.TrainingLoop;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

class AutoencoderGanTest {

    @Test
    void alphaOneBetaZeroLearnsToReconstructWhileTheDiscriminatorWins() {
        ImageSet train = digits(1000);
        Engine.getInstance().setRandomSeed(14);
        try (AutoencoderGan gan = new AutoencoderGan(AutoencoderGan.Config.reconstructionOnly())) {
            History h = gan.fit(train, new TrainingLoop.Options(4, 50, 1, false));
            assertTrue(h.last("ae_loss") < 0.7 * h.values("ae_loss")[0], h.toString());
            // beta = 0: the generator loss is the reconstruction term alone
            assertEquals(h.last("g_loss"), h.last("ae_loss"), 1e-6);
            assertTrue(h.last("d_accuracy") > 0.8, "nothing fools the discriminator: " + h.last("d_accuracy"));
            assertEquals(784, gan.generate(train.head(2))[0].length);
        }
    }

    @Test
    void theAdversarialTermEntersTheGeneratorLossWithItsWeight() {
        ImageSet train = digits(200);
        try (AutoencoderGan gan = new AutoencoderGan(AutoencoderGan.Config.mixed())) {
            History h = gan.fit(train, new TrainingLoop.Options(1, 50, 1, false));
            assertEquals(h.last("ae_loss") + 0.005 * h.last("gan_loss"), h.last("g_loss"), 1e-5);
        }
        try (AutoencoderGan gan = new AutoencoderGan(AutoencoderGan.Config.mixed().pretrained(2))) {
            History pre = gan.pretrain(train, 50, 1);
            assertEquals(2, pre.size());
            assertTrue(pre.last("ae_loss") < pre.values("ae_loss")[0]);
        }
    }
}
