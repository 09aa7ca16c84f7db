package aelab.figures;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LatentExplorerTest {

    /** A decoder whose image is one bright pixel at a place set by the code, so each grid cell is known. */
    private static float[][] decode(float[][] z) {
        float[][] out = new float[z.length][28 * 28];
        for (int i = 0; i < z.length; i++) {
            int col = Math.max(0, Math.min(27, (int) Math.round((z[i][0] + 4) / 8 * 27)));
            int row = Math.max(0, Math.min(27, (int) Math.round((4 - z[i][1]) / 8 * 27)));
            out[i][row * 28 + col] = 1f;
        }
        return out;
    }

    private static float[][] codes(int n) {
        java.util.Random r = new java.util.Random(3);
        float[][] c = new float[n][];
        for (int i = 0; i < n; i++) {
            c[i] = new float[] {(float) r.nextGaussian(), (float) r.nextGaussian()};
        }
        return c;
    }

    @Test
    void theGridSpansTheCodesWithoutTheirOutliers() {
        float[][] c = codes(1000);
        c[0] = new float[] {80f, -90f}; // one far outlier, as the AAE's arms have
        double[] r = LatentExplorer.range(c);
        assertTrue(r[0] < -2 && r[0] > -4 && r[1] > 2 && r[1] < 4, java.util.Arrays.toString(r));
        assertTrue(r[2] < -2 && r[2] > -4 && r[3] > 2 && r[3] < 4, java.util.Arrays.toString(r));
    }

    @Test
    void theSpriteSheetHoldsTheDecoderOutputForEveryGridCode() throws IOException {
        int[] labels = new int[500];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 10;
        }
        List<float[]> asked = new ArrayList<>();
        LatentExplorer e = LatentExplorer.of(codes(500), labels, z -> {
            asked.addAll(List.of(z));
            return decode(z);
        }, 28, "test codes");
        assertEquals(LatentExplorer.GRID * LatentExplorer.GRID, asked.size());
        String html = e.html();
        Matcher m = Pattern.compile("x0 = ([-0-9.e]+), x1 = ([-0-9.e]+), y0 = ([-0-9.e]+), y1 = ([-0-9.e]+)").matcher(html);
        assertTrue(m.find(), "the script knows the grid's range");
        // the first grid code is the top-left corner (smallest z1, largest z2), the last the bottom-right
        assertArrayEquals(new float[] {Float.parseFloat(m.group(1)), Float.parseFloat(m.group(4))}, asked.get(0), 1e-4f);
        assertArrayEquals(new float[] {Float.parseFloat(m.group(2)), Float.parseFloat(m.group(3))},
                asked.get(asked.size() - 1), 1e-4f);
        Matcher sprites = Pattern.compile("class=\"sprites\" src=\"data:image/png;base64,([^\"]+)\"").matcher(html);
        assertTrue(sprites.find());
        BufferedImage sheet = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(sprites.group(1))));
        assertEquals(LatentExplorer.GRID * 28, sheet.getWidth());
        // each cell of the sheet shows its own code's decoded image: one bright pixel where decode() put it
        for (int k : new int[] {0, 37, asked.size() - 1}) {
            float[] image = decode(new float[][] {asked.get(k)})[0];
            int p = 0;
            while (image[p] == 0) {
                p++;
            }
            int x = (k % LatentExplorer.GRID) * 28 + p % 28;
            int y = (k / LatentExplorer.GRID) * 28 + p / 28;
            assertEquals(255, sheet.getRaster().getSample(x, y, 0), "cell " + k);
        }
        assertTrue(html.contains("<script>") && html.contains("mousemove") && html.contains("test codes"));
        BufferedImage png = e.png();
        assertTrue(png.getWidth() > png.getHeight() && png.getHeight() > 400, png.getWidth() + " x " + png.getHeight());
    }

    @Test
    void anythingButTwoDimensionalCodesIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> LatentExplorer.of(new float[][] {{1, 2, 3}},
                new int[] {0}, LatentExplorerTest::decode, 28, "t"));
        assertTrue(e.getMessage().contains("needs 2-D codes, got 3-D ones"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LatentExplorer.of(codes(5), new int[3],
                LatentExplorerTest::decode, 28, "t"));
        assertTrue(e.getMessage().contains("5 codes but 3 labels"), e.getMessage());
        assertEquals("0.0", LatentExplorer.tick(-0.04));
    }
}
