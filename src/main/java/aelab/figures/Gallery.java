package aelab.figures;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where notebooks save figures that are files rather than inline images (animated GIFs): the
 * directory named by {@code AELAB_FIGURES} (the notebook runner sets it: the committed gallery
 * {@code notebooks/figures} for the main job, the build directory for tests), else
 * {@code target/figures}.
 */
public final class Gallery {

    private Gallery() {}

    public static Path directory() {
        String dir = System.getenv("AELAB_FIGURES");
        return dir == null || dir.isBlank() ? Paths.get("target", "figures") : Paths.get(dir);
    }

    /** Saves an animation as {@code name}.gif in the gallery; returns the file. */
    public static Path saveGif(Animation animation, String name, int delayMillis) {
        try {
            return animation.saveGif(directory().resolve(name + ".gif"), delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + name + ".gif in " + directory() + ": " + e.getMessage(), e);
        }
    }

    /** Saves an image as {@code name}.png in the gallery; returns the file. */
    public static Path savePng(BufferedImage image, String name) {
        try {
            return Figures.savePng(image, directory().resolve(name + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + name + ".png in " + directory() + ": " + e.getMessage(), e);
        }
    }
}
