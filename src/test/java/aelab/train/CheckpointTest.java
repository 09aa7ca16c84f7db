package aelab.train;

import static aelab.TestData.digits;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.models.aae.AdversarialAutoencoder;
import aelab.models.dense.DenseAutoencoder;
import aelab.models.dense.DenseAutoencoderConfig;
import aelab.models.aae.Prior;
import aelab.models.vae.VariationalAutoencoder;
import aelab.models.vae.VariationalAutoencoderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir Path dir;

    @Test
    void roundTripGivesIdenticalOutputs() {
        ImageSet x = digits(20);
        Path file = dir.resolve("ae.ckpt");
        float[][] expected;
        try (DenseAutoencoder a = new DenseAutoencoder(DenseAutoencoderConfig.small())) {
            a.fit(x, new TrainingLoop.Options(1, 10, 1, false));
            expected = a.reconstruct(x);
            a.save(file);
        }
        try (DenseAutoencoder b = new DenseAutoencoder(DenseAutoencoderConfig.small())) {
            assertFalse(Arrays.equals(expected[0], b.reconstruct(x)[0]), "a fresh model differs");
            b.load(file);
            assertTrue(b.network().steps() == 2, "the step count travels with the parameters");
            for (int i = 0; i < x.size(); i++) {
                assertArrayEquals(expected[i], b.reconstruct(x)[i]);
            }
        }
        try (VariationalAutoencoder v = new VariationalAutoencoder(VariationalAutoencoderConfig.keras2d())) {
            float[][] before = v.encodeMeans(x);
            v.save(dir.resolve("vae.ckpt"));
            try (VariationalAutoencoder w = new VariationalAutoencoder(VariationalAutoencoderConfig.keras2d())) {
                w.load(dir.resolve("vae.ckpt"));
                assertArrayEquals(before[3], w.encodeMeans(x)[3]);
            }
        }
    }

    @Test
    void adversarialModelsKeepEveryOptimizersStepCount() {
        ImageSet x = digits(40);
        var config = AdversarialAutoencoder.Config.unsupervised2d().withHidden(32);
        float[][] codes;
        try (AdversarialAutoencoder a = new AdversarialAutoencoder(config, Prior.gaussian(5))) {
            a.fit(x, new TrainingLoop.Options(1, 20, 1, false));
            codes = a.encode(x);
            a.save(dir.resolve("aae.ckpt"));
        }
        try (AdversarialAutoencoder b = new AdversarialAutoencoder(config, Prior.gaussian(5))) {
            b.load(dir.resolve("aae.ckpt"));
            assertArrayEquals(new long[] {2, 2}, b.encoderSteps());
            assertArrayEquals(codes[9], b.encode(x)[9]);
        }
    }

    @Test
    void corruptTruncatedAndForeignFilesGiveClearErrors() throws IOException {
        Path file = dir.resolve("ae.ckpt");
        try (DenseAutoencoder a = new DenseAutoencoder(DenseAutoencoderConfig.basic32())) {
            a.save(file);
            byte[] bytes = Files.readAllBytes(file);
            byte[] flipped = bytes.clone();
            flipped[bytes.length - 100] ^= 0x55;
            Files.write(dir.resolve("flipped"), flipped);
            Files.write(dir.resolve("cut"), Arrays.copyOf(bytes, bytes.length / 2));
            Files.writeString(dir.resolve("foreign"), "hello");
            assertError(() -> a.load(dir.resolve("flipped")), "checksum does not match");
            assertError(() -> a.load(dir.resolve("cut")), "truncated");
            assertError(() -> a.load(dir.resolve("foreign")), "not an AE Lab checkpoint");
            assertError(() -> a.load(dir.resolve("absent")), "file not found");
        }
        try (DenseAutoencoder other = new DenseAutoencoder(DenseAutoencoderConfig.small())) {
            assertError(() -> other.load(file), "holds network 'dense-784-32' where this model has");
        }
        var wider = DenseAutoencoderConfig.basic32();
        wider = new DenseAutoencoderConfig(wider.name(), new int[] {784, 64}, wider.hidden(), wider.code(),
                wider.output(), wider.loss(), wider.learningRate());
        try (DenseAutoencoder other = new DenseAutoencoder(wider)) {
            assertError(() -> other.load(file), "does not fit this model");
        }
        try (VariationalAutoencoder v = new VariationalAutoencoder(VariationalAutoencoderConfig.keras2d())) {
            assertError(() -> v.load(file), "holds 1 networks, this model has 2");
        }
    }

    private static void assertError(Runnable r, String fragment) {
        Checkpoint.CheckpointException e = assertThrows(Checkpoint.CheckpointException.class, r::run);
        assertTrue(e.getMessage().contains(fragment) && e.getMessage().contains("checkpoint "), e.getMessage());
    }
}
