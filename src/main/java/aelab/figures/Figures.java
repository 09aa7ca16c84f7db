package aelab.figures;

import aelab.data.ImageSet;
import aelab.train.History;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures of the notebooks, as images a notebook shows with {@code display(...)}. */
public final class Figures {

    /** Ten class colours, distinct for colour-blind readers as far as ten colours can be (Tableau 10). */
    public static final Color[] CLASS_COLORS = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0x7F7F7F)
    };
    static final int CHART_WIDTH = 640;
    static final int CHART_HEIGHT = 360;

    private Figures() {}

    /** The first {@code rows * columns} images of a set, each with its label in a corner. */
    public static BufferedImage digits(ImageSet set, int rows, int columns) {
        int n = Math.min(rows * columns, set.size());
        List<float[]> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            images.add(set.image(i));
            labels.add(String.valueOf(set.label(i)));
        }
        return ImageGrid.render(images, labels, set.rows(), set.cols(), columns, 2,
                set.name() + ": the first " + n + " images, label in the corner", null);
    }

    /** The first {@code n} images of {@code originals} above their reconstructions. */
    public static BufferedImage reconstructions(ImageSet originals, float[][] reconstructed, int n, String title) {
        int count = Math.min(n, Math.min(originals.size(), reconstructed.length));
        List<float[]> images = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            images.add(originals.image(i));
        }
        for (int i = 0; i < count; i++) {
            images.add(reconstructed[i]);
        }
        return ImageGrid.render(images, originals.rows(), originals.cols(), count, 2, title,
                List.of("original", "reconstructed"));
    }

    /** Each loss term of a history against the epoch, on one chart; log scale on request. */
    public static BufferedImage lossCurves(History history, boolean logScale) {
        return BitmapEncoder.getBufferedImage(lossChart(history, logScale));
    }

    /** The chart behind {@link #lossCurves}, for callers that style it further. */
    public static XYChart lossChart(History history, boolean logScale) {
        XYChart chart = new XYChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT)
                .title(history.name() + ": training loss").xAxisTitle("epoch").yAxisTitle("mean loss over the epoch")
                .build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(logScale);
        if (history.size() == 0) {
            // an empty chart still needs a series; show where the curve will appear
            chart.addSeries("waiting for the first epoch", new double[] {0}, new double[] {logScale ? 1 : 0})
                    .setMarker(SeriesMarkers.NONE);
            return chart;
        }
        int k = 0;
        for (String term : history.termNames()) {
            XYSeries s = chart.addSeries(term, history.epochs(), history.values(term));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(CLASS_COLORS[k % CLASS_COLORS.length]);
            s.setMarkerColor(CLASS_COLORS[k % CLASS_COLORS.length]);
            k++;
        }
        return chart;
    }

    static void style(XYChart chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartTitleFont(ImageGrid.TITLE_FONT);
        s.setLegendFont(ImageGrid.LABEL_FONT);
        chart.getStyler().setAxisTitleFont(ImageGrid.LABEL_FONT);
        chart.getStyler().setAxisTickLabelsFont(ImageGrid.LABEL_FONT);
    }

    /** Saves a figure as PNG; the directory is created, and the file appears whole or not at all. */
    public static Path savePng(BufferedImage image, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
