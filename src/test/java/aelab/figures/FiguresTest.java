package aelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.train.History;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each figure kind rendered from small synthetic inputs, saved, read back, and checked not to be blank. */
class FiguresTest {

    @TempDir Path dir;

    /** 28x28 "digits": a bright square whose position depends on the label. */
    static ImageSet squares(int n) {
        float[] p = new float[n * 784];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
            for (int r = 4; r < 12; r++) {
                for (int c = 2 * y[i]; c < 2 * y[i] + 8; c++) {
                    p[i * 784 + r * 28 + c] = 1f;
                }
            }
        }
        return new ImageSet("squares", p, y, 28, 28);
    }

    static Set<Integer> colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                c.add(img.getRGB(x, y) & 0xffffff);
            }
        }
        return c;
    }

    /** Saves as PNG, reads it back, and checks size and that it is not blank. */
    private BufferedImage check(BufferedImage img, String name, int minWidth, int minHeight) throws IOException {
        assertTrue(img.getWidth() >= minWidth && img.getHeight() >= minHeight,
                name + " is " + img.getWidth() + "x" + img.getHeight());
        Path saved = Figures.savePng(img, dir.resolve("gallery/" + name + ".png"));
        BufferedImage back = ImageIO.read(saved.toFile());
        assertEquals(img.getWidth(), back.getWidth());
        assertTrue(colours(back).size() > 2, name + " is blank");
        return back;
    }

    @Test
    void imageGridsOfDigitsSamplesReconstructionsAndWeights() throws IOException {
        ImageSet s = squares(20);
        check(Figures.digits(s, 2, 10), "digits", 10 * 56, 2 * 56);
        float[][] rows = new float[12][];
        for (int i = 0; i < 12; i++) {
            rows[i] = s.image(i);
        }
        check(Figures.images(rows, 6, "samples"), "samples", 6 * 56, 2 * 56);
        check(Figures.reconstructions(s, new float[8][784], 8, "test"), "reconstructions", 8 * 56, 2 * 56);
        float[][] w = new float[16][784];
        for (int u = 0; u < 16; u++) {
            for (int j = 0; j < 784; j++) {
                w[u][j] = (float) Math.sin(u + j * 0.01) * 3 - 1;
            }
        }
        check(Figures.weights(w, 28, 16, 8, "first-layer weights"), "weights", 8 * 28, 2 * 28);
        float[][] filters = new float[4][4];
        filters[1][2] = 1;
        check(Figures.weights(filters, 2, 4, 4, "2x2 filters"), "filters", 4 * 2, 2);
        try (var files = Files.list(dir.resolve("gallery"))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary file is left behind");
        }
    }

    @Test
    void latentSweepDecodesAGridSpacedByThePriorsQuantiles() throws IOException {
        float[] axis = Figures.sweepAxis(5, 1, 0);
        assertEquals(-1.6449, axis[0], 1e-3, "the 5% quantile of N(0, 1)");
        assertEquals(0, axis[2], 1e-6);
        assertEquals(5 * 1.6449, Figures.sweepAxis(3, 5, 0)[2], 1e-2);
        assertEquals(-3, Figures.sweepAxis(4, 0, 3)[0], 1e-6);
        List<float[]> seen = new java.util.ArrayList<>();
        BufferedImage img = Figures.latentSweep(codes -> {
            float[][] out = new float[codes.length][784];
            for (int i = 0; i < codes.length; i++) {
                seen.add(codes[i]);
                java.util.Arrays.fill(out[i], (codes[i][0] + 2) / 4);
            }
            return out;
        }, 5, 1, 0, "sweep");
        check(img, "sweep", 5 * 28, 5 * 28);
        assertEquals(25, seen.size());
        assertEquals(axis[4], seen.get(0)[1], 1e-6, "the top row has the largest z2");
    }

    @Test
    void drawnAsEachClassPutsOneStyleInARowAndTheClassesInColumns() throws IOException {
        float[][] styles = {{0.2f}, {0.9f}};
        List<String> calls = new java.util.ArrayList<>();
        BufferedImage img = Figures.drawnAsEachClass((z, c) -> {
            calls.add(z.length + " styles as " + c);
            float[][] out = new float[z.length][784];
            for (int s = 0; s < z.length; s++) {
                java.util.Arrays.fill(out[s], z[s][0] * (c + 1) / 3f);
            }
            return out;
        }, styles, 3, "classes");
        assertEquals(List.of("2 styles as 0", "2 styles as 1", "2 styles as 2"), calls);
        check(img, "classes", 3 * 28, 2 * 28);
    }

    @Test
    void trainingCurvesOnOneChartWithLogScaleAndAnEmptyHistory() throws IOException {
        History h = new History("run");
        h.add(1, Map.of("d_loss", 1.2, "d_accuracy", 0.5), 1);
        h.add(2, Map.of("d_loss", 0.7, "d_accuracy", 0.8), 1);
        check(Charts.lossCurves(h, true), "loss-log", Charts.WIDTH, Charts.HEIGHT);
        check(Charts.curves(h, List.of("d_accuracy"), "discriminator", "accuracy", false), "accuracy",
                Charts.WIDTH, Charts.HEIGHT);
        check(Charts.lossCurves(new History("empty"), false), "empty", Charts.WIDTH, Charts.HEIGHT);
        History zero = new History("zero");
        zero.add(1, Map.of("kl", 0.0), 1);
        assertThrows(IllegalArgumentException.class, () -> Charts.lossCurves(zero, true));
    }

    @Test
    void scatterHasPointsOfEveryClassInItsColourAndAGreyPrior() throws IOException {
        int n = 200;
        float[][] points = new float[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            points[i][0] = (float) Math.cos(labels[i]) * 5 + (i % 7) * 0.1f;
            points[i][1] = (float) Math.sin(labels[i]) * 5 + (i % 5) * 0.1f;
        }
        BufferedImage img = check(Charts.scatter(points, labels, new float[][] {{0, 0}, {1, 1}}, "codes", "z1", "z2"),
                "scatter", Charts.WIDTH, 300);
        Set<Integer> present = colours(img);
        for (int c = 0; c < 10; c++) {
            int rgb = Figures.CLASS_COLORS[c].getRGB() & 0xffffff;
            assertTrue(present.contains(rgb), "class " + c + " has no point in its colour");
        }
    }

    @Test
    void aLongTitleIsSetSmallerSoThatItIsNotCutAtTheEdges() throws IOException {
        String title = "AAE codes of the test digits over 10 Gaussians (std 0.5) on a circle of radius 4.0 samples";
        assertTrue(Charts.titleFont(title, Charts.WIDTH).getSize() < ImageGrid.TITLE_FONT.getSize());
        assertEquals(ImageGrid.TITLE_FONT, Charts.titleFont("codes", Charts.WIDTH));
        BufferedImage img = check(Charts.scatter(new float[][] {{0, 0}, {1, 1}}, new int[] {0, 1}, title, "z1", "z2"),
                "long-title", Charts.WIDTH, 300);
        // XChart centres a title wider than the chart, so its first and last letters fall off both edges
        for (int y = 0; y < 30; y++) {
            for (int x : new int[] {0, 1, img.getWidth() - 2, img.getWidth() - 1}) {
                Color c = new Color(img.getRGB(x, y));
                assertTrue(c.getRed() + c.getGreen() + c.getBlue() > 600, "title ink at the edge, x " + x + ", y " + y);
            }
        }
    }

    @Test
    void barsHistogramAndConfusionMatrix() throws IOException {
        check(Charts.bars(List.of("0", "1", "2"), new double[] {30, 5, 12}, "cluster sizes", "cluster", "images"),
                "bars", Charts.WIDTH, Charts.HEIGHT);
        check(Charts.profile(new double[] {0.1, 0.02, 0.07}, 0.05, "mean activation", "unit", "mean"), "profile",
                Charts.WIDTH, Charts.HEIGHT);
        float[][] acts = new float[50][4];
        for (int i = 0; i < 50; i++) {
            acts[i][i % 4] = i / 50f;
        }
        check(Charts.histogram(acts, 20, "code activations", "activation"), "histogram", Charts.WIDTH, Charts.HEIGHT);
        int[] clusters = {0, 0, 1, 1, 2, 2, 2};
        int[] labels = {1, 1, 0, 0, 2, 2, 1};
        BufferedImage heat = check(Heatmap.confusion(clusters, labels, "clusters vs labels"), "confusion", 3 * 40, 3 * 40);
        assertTrue(colours(heat).contains(Color.WHITE.getRGB() & 0xffffff));
        // a classifier's matrix names its rows otherwise; only that heading differs
        BufferedImage predicted = Heatmap.confusion(clusters, labels, "predicted", "clusters vs labels");
        assertEquals(heat.getWidth(), predicted.getWidth());
        int differing = 0;
        for (int y = 0; y < heat.getHeight(); y++) {
            for (int x = 0; x < heat.getWidth(); x++) {
                differing += heat.getRGB(x, y) != predicted.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differing > 20 && differing < heat.getWidth() * heat.getHeight() / 10, differing + " pixels differ");
    }

    @Test
    void animationIsALoopingGifWithEveryFrameAndAStill() throws IOException {
        Animation a = new Animation();
        for (int k = 0; k < 5; k++) {
            float[][] frame = new float[4][784];
            for (float[] f : frame) {
                java.util.Arrays.fill(f, k / 4f);
            }
            a.add(Figures.images(frame, 4, "epoch " + k));
        }
        Path gif = a.saveGif(dir.resolve("anim/evolution.gif"), 200);
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
        }
        // frames of one row of digits are wide: the still stacks them
        BufferedImage still = check(a.strip(3, "reconstructions over training"), "strip", 100, 3 * 50);
        assertEquals(a.frames().get(0).getWidth(), still.getWidth());
        assertThrows(IllegalStateException.class, () -> new Animation().saveGif(dir.resolve("none.gif"), 100));
    }

    /** Two value heatmaps on one scale shade equal values alike, whatever else each holds. */
    @Test
    void valueHeatmapsShareOneScale() {
        BufferedImage a = Heatmap.values(new float[][] {{0.5f, 0.1f}}, 1, "digit", "cluster", "a");
        BufferedImage b = Heatmap.values(new float[][] {{0.5f, 0.9f}}, 1, "digit", "cluster", "b");
        // the first cell's corner (away from its text) in each
        int x = 62;
        int y = 62;
        assertEquals(a.getRGB(x, y), b.getRGB(x, y));
        assertTrue(a.getRGB(x + 44, y) != b.getRGB(x + 44, y), "0.1 and 0.9 shade differently");
    }
}
