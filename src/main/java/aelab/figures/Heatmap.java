package aelab.figures;

import aelab.metrics.Clustering;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Matrices drawn cell by cell, each cell shaded and labelled with its value: confusion matrices, soft assignments. */
public final class Heatmap {

    private static final int CELL = 44;
    private static final int MARGIN = 60;

    private Heatmap() {}

    /** Rows: clusters; columns: true labels. */
    public static BufferedImage confusion(int[] clusters, int[] labels, String title) {
        return confusion(clusters, labels, "cluster", title);
    }

    /** Rows: what {@code rowName} names (a classifier's "predicted" class, say); columns: true labels. */
    public static BufferedImage confusion(int[] rowsOf, int[] labels, String rowName, String title) {
        long[][] w = Clustering.contingency(rowsOf, labels);
        long max = 1;
        for (long[] row : w) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        String[][] text = new String[w.length][w[0].length];
        double[][] shade = new double[w.length][w[0].length];
        for (int r = 0; r < w.length; r++) {
            for (int c = 0; c < w[0].length; c++) {
                text[r][c] = String.valueOf(w[r][c]);
                shade[r][c] = Math.sqrt(w[r][c] / (double) max); // square root: small counts stay visible
            }
        }
        return draw(text, shade, rowName, "true label", title);
    }

    /**
     * Values between 0 and {@code max} (probabilities, say), each cell shaded on that one scale and
     * labelled with its value to two decimals, so that two such figures compare cell by cell.
     */
    public static BufferedImage values(float[][] v, double max, String rowName, String columnName, String title) {
        String[][] text = new String[v.length][v[0].length];
        double[][] shade = new double[v.length][v[0].length];
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[0].length; c++) {
                text[r][c] = String.format(java.util.Locale.ROOT, "%.2f", v[r][c]);
                shade[r][c] = Math.max(0, Math.min(1, v[r][c] / max));
            }
        }
        return draw(text, shade, rowName, columnName + " (shade: 0 white, " + max + " dark)", title);
    }

    private static BufferedImage draw(String[][] text, double[][] shade, String rowName, String columnName,
            String title) {
        int rows = text.length;
        int cols = text[0].length;
        int width = MARGIN + cols * CELL + 20;
        int height = MARGIN + rows * CELL + 40;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(ImageGrid.TITLE_FONT);
        g.drawString(title, 8, 18);
        g.setFont(ImageGrid.LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(columnName, MARGIN + cols * CELL / 2 - fm.stringWidth(columnName) / 2, 36);
        g.drawString(rowName, 4, MARGIN - 6);
        for (int c = 0; c < cols; c++) {
            String s = String.valueOf(c);
            g.drawString(s, MARGIN + c * CELL + (CELL - fm.stringWidth(s)) / 2, MARGIN - 6);
        }
        for (int r = 0; r < rows; r++) {
            String s = String.valueOf(r);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s, MARGIN - 8 - fm.stringWidth(s), MARGIN + r * CELL + (CELL + fm.getAscent()) / 2);
            for (int c = 0; c < cols; c++) {
                double t = shade[r][c];
                g.setColor(blend(Color.WHITE, Figures.CLASS_COLORS[0].darker(), t));
                g.fillRect(MARGIN + c * CELL, MARGIN + r * CELL, CELL - 1, CELL - 1);
                g.setColor(t > 0.55 ? Color.WHITE : Color.DARK_GRAY);
                g.drawString(text[r][c], MARGIN + c * CELL + (CELL - fm.stringWidth(text[r][c])) / 2,
                        MARGIN + r * CELL + (CELL + fm.getAscent()) / 2 - 2);
            }
        }
        g.dispose();
        return img;
    }

    private static Color blend(Color a, Color b, double t) {
        return new Color((int) (a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) (a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) (a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }
}
