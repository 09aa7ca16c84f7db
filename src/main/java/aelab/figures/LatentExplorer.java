package aelab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A 2-D latent space to move through: the test digits' codes as a scatter and, beside it, the digit the
 * decoder draws at the pointer, redrawn as the pointer moves. The digits are decoded once, on a
 * {@value #GRID} x {@value #GRID} grid over the codes' range, and travel with the figure as one sprite
 * sheet, so the HTML is self-contained: it works live in Jupyter, in an exported or documentation page
 * offline, and where scripts do not run the notebook shows the PNG beside it ({@link #png()}).
 */
public final class LatentExplorer {

    /** Decoded digits per axis. */
    public static final int GRID = 25;

    private static final int SIZE = 440;
    private static final int LEFT = 62;
    private static final int TOP = 34;
    private static final int RIGHT = 14;
    private static final int BOTTOM = 64;

    private final String title;
    private final int side;
    private final double x0;
    private final double x1;
    private final double y0;
    private final double y1;
    private final BufferedImage scatter;
    private final BufferedImage sprites;

    private LatentExplorer(String title, int side, double[] range, BufferedImage scatter, BufferedImage sprites) {
        this.title = title;
        this.side = side;
        this.x0 = range[0];
        this.x1 = range[1];
        this.y0 = range[2];
        this.y1 = range[3];
        this.scatter = scatter;
        this.sprites = sprites;
    }

    /**
     * @param codes one 2-D code per digit (a VAE's means, an AAE's codes)
     * @param labels each digit's class, for the scatter's colours
     * @param decode the model's decoder: codes to images of {@code side x side} values in [0, 1]
     * @param side the images' width and height in pixels (28 for MNIST)
     */
    public static LatentExplorer of(float[][] codes, int[] labels, UnaryOperator<float[][]> decode, int side,
            String title) {
        if (codes.length == 0 || codes[0].length != 2) {
            throw new IllegalArgumentException("the latent explorer needs 2-D codes, got " + (codes.length == 0
                    ? "none" : codes[0].length + "-D ones"));
        }
        if (labels.length != codes.length) {
            throw new IllegalArgumentException(codes.length + " codes but " + labels.length + " labels");
        }
        double[] range = range(codes);
        float[][] grid = new float[GRID * GRID][2];
        for (int row = 0; row < GRID; row++) {
            for (int col = 0; col < GRID; col++) {
                grid[row * GRID + col][0] = (float) (range[0] + col * (range[1] - range[0]) / (GRID - 1));
                grid[row * GRID + col][1] = (float) (range[3] - row * (range[3] - range[2]) / (GRID - 1));
            }
        }
        float[][] images = decode.apply(grid);
        BufferedImage sprites = new BufferedImage(GRID * side, GRID * side, BufferedImage.TYPE_BYTE_GRAY);
        for (int k = 0; k < images.length; k++) {
            for (int p = 0; p < side * side; p++) {
                int v = Math.round(255 * Math.max(0, Math.min(1, images[k][p])));
                sprites.getRaster().setSample((k % GRID) * side + p % side, (k / GRID) * side + p / side, 0, v);
            }
        }
        return new LatentExplorer(title, side, range, drawScatter(codes, labels, range, title), sprites);
    }

    /** The codes' 1st to 99th percentile on each axis, widened by a tenth: outliers do not shrink the view. */
    static double[] range(float[][] codes) {
        double[] out = new double[4];
        for (int axis = 0; axis < 2; axis++) {
            double[] v = new double[codes.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = codes[i][axis];
            }
            Arrays.sort(v);
            double lo = v[(int) Math.floor(0.01 * (v.length - 1))];
            double hi = v[(int) Math.ceil(0.99 * (v.length - 1))];
            double pad = Math.max(1e-3, 0.1 * (hi - lo));
            out[2 * axis] = lo - pad;
            out[2 * axis + 1] = hi + pad;
        }
        return out;
    }

    private static BufferedImage drawScatter(float[][] codes, int[] labels, double[] r, String title) {
        BufferedImage image = new BufferedImage(LEFT + SIZE + RIGHT, TOP + SIZE + BOTTOM, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(new Color(0xF4F4F4));
        g.fillRect(LEFT, TOP, SIZE, SIZE);
        for (int i = 0; i < codes.length; i++) {
            double fx = (codes[i][0] - r[0]) / (r[1] - r[0]);
            double fy = (r[3] - codes[i][1]) / (r[3] - r[2]);
            if (fx < 0 || fx > 1 || fy < 0 || fy > 1) {
                continue;
            }
            Color c = Figures.CLASS_COLORS[Math.floorMod(labels[i], 10)];
            g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 150));
            g.fillOval(LEFT + (int) Math.round(fx * SIZE) - 2, TOP + (int) Math.round(fy * SIZE) - 2, 4, 4);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(LEFT, TOP, SIZE, SIZE);
        g.setFont(ImageGrid.TITLE_FONT);
        g.drawString(title, LEFT, TOP - 12);
        g.setFont(ImageGrid.LABEL_FONT);
        for (int t = 0; t <= 4; t++) {
            double f = t / 4.0;
            String xs = tick(r[0] + f * (r[1] - r[0]));
            String ys = tick(r[3] - f * (r[3] - r[2]));
            int x = LEFT + (int) Math.round(f * SIZE);
            int y = TOP + (int) Math.round(f * SIZE);
            g.drawLine(x, TOP + SIZE, x, TOP + SIZE + 4);
            g.drawString(xs, x - g.getFontMetrics().stringWidth(xs) / 2, TOP + SIZE + 17);
            g.drawLine(LEFT - 4, y, LEFT, y);
            g.drawString(ys, LEFT - 6 - g.getFontMetrics().stringWidth(ys), y + 4);
        }
        g.drawString("z1", LEFT + SIZE / 2 - 6, TOP + SIZE + 32);
        g.drawString("z2", 4, TOP + SIZE / 2 - 14);
        int x = LEFT;
        for (int k = 0; k < 10; k++) {
            g.setColor(Figures.CLASS_COLORS[k]);
            g.fillOval(x, TOP + SIZE + 44, 9, 9);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.valueOf(k), x + 12, TOP + SIZE + 53);
            x += 36;
        }
        g.dispose();
        return image;
    }

    /** The scatter and the grid of decoded digits side by side: what shows where scripts cannot run. */
    public BufferedImage png() {
        int h = scatter.getHeight();
        int gridSize = SIZE;
        BufferedImage out = new BufferedImage(scatter.getWidth() + gridSize + 24, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), h);
        g.drawImage(scatter, 0, 0, null);
        g.drawImage(sprites, scatter.getWidth() + 12, TOP, gridSize, gridSize, null);
        g.setColor(Color.DARK_GRAY);
        g.setFont(ImageGrid.LABEL_FONT);
        g.drawString("the decoder over the same square", scatter.getWidth() + 12, TOP - 12);
        g.dispose();
        return out;
    }

    /** A self-contained HTML figure: move the pointer over the codes to see the digit decoded there. */
    public String html() {
        String id = "aelab-latent-" + UUID.randomUUID().toString().substring(0, 8);
        int zoom = 6 * side;
        return String.format(Locale.ROOT, """
                <div id="%1$s" class="aelab-latent-explorer" style="display:flex;gap:18px;align-items:flex-start;\
                font-family:sans-serif">
                <div style="position:relative;flex:none">
                <img class="scatter" src="data:image/png;base64,%2$s" width="%3$d" height="%4$d" \
                style="cursor:crosshair;display:block;max-width:none" alt="%5$s">
                <div class="marker" style="position:absolute;display:none;width:12px;height:12px;margin:-7px 0 0 -7px;\
                border:2px solid #000;border-radius:50%%;pointer-events:none"></div></div>
                <div><canvas class="digit" width="%6$d" height="%6$d" style="display:none;background:#000;\
                image-rendering:pixelated"></canvas>
                <img class="sprites" src="data:image/png;base64,%7$s" width="%12$d" style="display:block;max-width:none" \
                alt="the decoder over the same square">
                <div class="where" style="font:13px monospace;margin-top:6px">the decoder over the same square \
                (with scripts: move the pointer over the codes)</div></div>
                </div>
                <script>
                (function () {
                  var root = document.getElementById("%1$s");
                  var scatter = root.querySelector("img.scatter"), sprites = root.querySelector("img.sprites");
                  var canvas = root.querySelector("canvas.digit"), where = root.querySelector("div.where");
                  var marker = root.querySelector("div.marker");
                  var ctx = canvas.getContext("2d");
                  var grid = %8$d, side = %9$d, left = %10$d, top = %11$d, size = %12$d;
                  var x0 = %13$s, x1 = %14$s, y0 = %15$s, y1 = %16$s;
                  function draw(col, row) {
                    ctx.imageSmoothingEnabled = false;
                    ctx.drawImage(sprites, col * side, row * side, side, side, 0, 0, canvas.width, canvas.height);
                    root.setAttribute("data-cell", col + "," + row);
                  }
                  scatter.addEventListener("mousemove", function (e) {
                    var r = scatter.getBoundingClientRect();
                    var fx = ((e.clientX - r.left) * scatter.naturalWidth / r.width - left) / size;
                    var fy = ((e.clientY - r.top) * scatter.naturalHeight / r.height - top) / size;
                    if (fx < 0 || fx > 1 || fy < 0 || fy > 1) return;
                    var col = Math.round(fx * (grid - 1)), row = Math.round(fy * (grid - 1));
                    draw(col, row);
                    marker.style.display = "block";
                    marker.style.left = (e.clientX - r.left) + "px";
                    marker.style.top = (e.clientY - r.top) + "px";
                    var z1 = x0 + col * (x1 - x0) / (grid - 1), z2 = y1 - row * (y1 - y0) / (grid - 1);
                    where.textContent = "z = (" + z1.toFixed(2) + ", " + z2.toFixed(2) + ")";
                  });
                  // without scripts the page shows the whole decoded grid; with them, the digit at the pointer
                  function start() {
                    sprites.style.display = "none";
                    canvas.style.display = "block";
                    where.textContent = "move the pointer over the codes";
                    draw((grid - 1) / 2, (grid - 1) / 2);
                  }
                  if (sprites.complete) start(); else sprites.addEventListener("load", start);
                })();
                </script>
                """, id, Figures.pngBase64(scatter), scatter.getWidth(), scatter.getHeight(), escape(title), zoom, Figures.pngBase64(sprites),
                GRID, side, LEFT, TOP, SIZE, num(x0), num(x1), num(y0), num(y1));
    }

    public String title() {
        return title;
    }

    /** A tick label with one decimal, never "-0.0". */
    static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public String toString() {
        return title + " (an interactive latent explorer; " + GRID + " x " + GRID + " decoded digits)";
    }
}
