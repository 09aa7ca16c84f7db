package aelab.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws greyscale images (values in [0, 1], row-major) as a grid with Java2D: white ink on black,
 * as MNIST is usually shown, with an optional title and a label to the left of each row.
 */
public final class ImageGrid {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color CAPTION = new Color(0xEDC948);
    private static final int GAP = 2;
    private static final int MARGIN = 8;

    private ImageGrid() {}

    /**
     * @param images one array per image, {@code height * width} values each
     * @param columns images per row
     * @param scale pixels per image pixel
     * @param title drawn above the grid, or null
     * @param rowLabels drawn left of each row, or null
     */
    public static BufferedImage render(List<float[]> images, int height, int width, int columns, int scale,
            String title, List<String> rowLabels) {
        return render(images, null, height, width, columns, scale, title, rowLabels);
    }

    /** As {@link #render(List, int, int, int, int, String, List)}, with a caption in each image's corner. */
    public static BufferedImage render(List<float[]> images, List<String> captions, int height, int width,
            int columns, int scale, String title, List<String> rowLabels) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images to draw");
        }
        int rows = (images.size() + columns - 1) / columns;
        int labelWidth = 0;
        if (rowLabels != null) {
            FontMetrics fm = metrics(LABEL_FONT);
            for (String s : rowLabels) {
                labelWidth = Math.max(labelWidth, fm.stringWidth(s) + MARGIN);
            }
        }
        // a title may have several lines: the first in the title font, the rest smaller
        String[] titleLines = title == null ? new String[0] : title.split("\n");
        int titleHeight = titleLines.length == 0 ? 0 : metrics(TITLE_FONT).getHeight()
                + (titleLines.length - 1) * metrics(LABEL_FONT).getHeight() + MARGIN / 2;
        int w = MARGIN * 2 + labelWidth + columns * (width * scale + GAP) - GAP;
        for (int i = 0; i < titleLines.length; i++) {
            // a long title widens the figure rather than being cut off
            w = Math.max(w, MARGIN * 2 + metrics(i == 0 ? TITLE_FONT : LABEL_FONT).stringWidth(titleLines[i]));
        }
        int h = MARGIN * 2 + titleHeight + rows * (height * scale + GAP) - GAP;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.DARK_GRAY);
        int y = MARGIN;
        for (int i = 0; i < titleLines.length; i++) {
            g.setFont(i == 0 ? TITLE_FONT : LABEL_FONT);
            g.drawString(titleLines[i], MARGIN, y + g.getFontMetrics().getAscent());
            y += g.getFontMetrics().getHeight();
        }
        g.setFont(LABEL_FONT);
        for (int r = 0; r < rows; r++) {
            int y0 = MARGIN + titleHeight + r * (height * scale + GAP);
            if (rowLabels != null && r < rowLabels.size()) {
                FontMetrics fm = g.getFontMetrics();
                g.drawString(rowLabels.get(r), MARGIN, y0 + (height * scale + fm.getAscent()) / 2);
            }
            for (int c = 0; c < columns && r * columns + c < images.size(); c++) {
                int x0 = MARGIN + labelWidth + c * (width * scale + GAP);
                draw(out, images.get(r * columns + c), height, width, scale, x0, y0);
                if (captions != null && r * columns + c < captions.size()) {
                    g.setColor(CAPTION);
                    g.drawString(captions.get(r * columns + c), x0 + 2, y0 + g.getFontMetrics().getAscent());
                    g.setColor(Color.DARK_GRAY);
                }
            }
        }
        g.dispose();
        return out;
    }

    private static void draw(BufferedImage out, float[] img, int height, int width, int scale, int x0, int y0) {
        if (img.length != height * width) {
            throw new IllegalArgumentException("image has " + img.length + " values, expected " + height + "x" + width);
        }
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                float v = Math.max(0f, Math.min(1f, img[i * width + j]));
                int grey = Math.round(v * 255);
                int rgb = (grey << 16) | (grey << 8) | grey;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        out.setRGB(x0 + j * scale + dx, y0 + i * scale + dy, rgb);
                    }
                }
            }
        }
    }

    static FontMetrics metrics(Font font) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
