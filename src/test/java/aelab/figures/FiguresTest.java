package aelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aelab.data.ImageSet;
import aelab.train.History;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @TempDir Path dir;

    /** Ten 28x28 "digits": a bright square whose position depends on the label. */
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

    static int colours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }

    @Test
    void digitGridHasOneCellPerImageAndIsNotBlank() throws IOException {
        BufferedImage img = Figures.digits(squares(20), 2, 10);
        assertTrue(img.getWidth() >= 10 * 56 && img.getHeight() >= 2 * 56, img.getWidth() + "x" + img.getHeight());
        assertTrue(colours(img) > 2);
        Path saved = Figures.savePng(img, dir.resolve("new/sub/grid.png"));
        BufferedImage back = ImageIO.read(saved.toFile());
        assertEquals(img.getWidth(), back.getWidth());
        try (var files = Files.list(saved.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void reconstructionsShowOriginalsAboveReconstructions() {
        ImageSet s = squares(8);
        float[][] rec = new float[8][784];
        BufferedImage img = Figures.reconstructions(s, rec, 8, "test");
        // the reconstructions are all black: the lower row's cells are darker than the upper row's
        assertTrue(img.getHeight() > 2 * 56 && img.getWidth() > 8 * 56);
        assertTrue(colours(img) > 2);
    }

    @Test
    void lossCurvesDrawEveryTermAndAnEmptyHistory() {
        History h = new History("run");
        h.add(1, Map.of("mse", 0.5), 1);
        h.add(2, Map.of("mse", 0.25), 1);
        BufferedImage img = Figures.lossCurves(h, true);
        assertEquals(Figures.CHART_WIDTH, img.getWidth());
        assertTrue(colours(img) > 5);
        assertTrue(colours(Figures.lossCurves(new History("empty"), false)) > 2);
    }
}
