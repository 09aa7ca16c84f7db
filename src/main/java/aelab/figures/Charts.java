package aelab.figures;

import aelab.train.History;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts drawn with XChart: training curves, latent scatter plots, bars and histograms. */
public final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    private static final Color PRIOR_MARK = new Color(0, 0, 0, 110);

    private Charts() {}

    /** Every term of a history against the epoch, on one chart; log scale on request. */
    public static BufferedImage lossCurves(History history, boolean logScale) {
        return curves(history, history.termNames(), history.name() + ": training", "mean over the epoch", logScale);
    }

    /** Chosen terms of a history (discriminator loss and accuracy, say) against the epoch. */
    public static BufferedImage curves(History history, List<String> terms, String title, String yAxis,
            boolean logScale) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yAxis).build();
        style(chart);
        chart.getStyler().setYAxisLogarithmic(logScale);
        if (!logScale) {
            // two close values (20.6 and 20.2) otherwise get ticks printed as 20.599999999999998
            chart.getStyler().setYAxisDecimalPattern("#,##0.####");
        }
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        if (history.size() == 0) {
            // an empty chart still needs a series; say where the curves will appear
            chart.addSeries("waiting for the first epoch", new double[] {0}, new double[] {1})
                    .setMarker(SeriesMarkers.NONE);
            return BitmapEncoder.getBufferedImage(chart);
        }
        int k = 0;
        double low = Double.MAX_VALUE;
        double high = 0;
        for (String term : terms) {
            double[] values = history.values(term);
            var range = java.util.Arrays.stream(values).summaryStatistics();
            low = Math.min(low, range.getMin());
            high = Math.max(high, range.getMax());
            if (logScale && range.getMin() <= 0) {
                throw new IllegalArgumentException("term '" + term + "' has values <= 0: it cannot go on a log scale");
            }
            XYSeries s = chart.addSeries(term, history.epochs(), values);
            // beyond ~50 epochs the markers merge into a thick band that hides the curve's shape
            s.setMarker(history.size() > 50 ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineColor(Figures.CLASS_COLORS[k % 10]);
            s.setMarkerColor(Figures.CLASS_COLORS[k % 10]);
            k++;
        }
        if (history.size() > 50) {
            // XChart puts ticks only on data points when the x values are equally spaced, and at a
            // thousand epochs packs their labels edge to edge; a start half an epoch early breaks the
            // equal spacing, so it picks round steps (200, 400, ...) instead
            chart.getStyler().setXAxisMin(history.epochs()[0] - 0.5);
        }
        // a loss often spans less than a decade and would get one label; over many decades the
        // labels between them would overlap
        chart.getStyler().setYAxisLogarithmicDecadeOnly(high > 30 * low);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** 2-D points coloured by label, with a legend of the classes. */
    public static BufferedImage scatter(float[][] points, int[] labels, String title, String xAxis, String yAxis) {
        return scatter(points, labels, null, title, xAxis, yAxis);
    }

    /**
     * As {@link #scatter(float[][], int[], String, String, String)}, with reference points (prior
     * samples, say) drawn over them as translucent dark crosses.
     */
    public static BufferedImage scatter(float[][] points, int[] labels, float[][] reference, String title,
            String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(WIDTH * 3 / 4).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        int classes = 0;
        for (int y : labels) {
            classes = Math.max(classes, y + 1);
        }
        for (int c = 0; c < classes; c++) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < points.length; i++) {
                if (labels[i] == c) {
                    xs.add((double) points[i][0]);
                    ys.add((double) points[i][1]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(String.valueOf(c), xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Figures.CLASS_COLORS[c % 10]);
        }
        if (reference != null) {
            // drawn last, as thin dark crosses: on top of the codes, yet the codes show through
            XYSeries s = chart.addSeries("prior samples", column(reference, 0), column(reference, 1));
            s.setMarker(SeriesMarkers.CROSS);
            s.setMarkerColor(PRIOR_MARK);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** One bar per category (cluster sizes, mean activation per unit). */
    public static BufferedImage bars(List<String> categories, double[] values, String title, String xAxis,
            String yAxis) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 20 ? 90 : 0);
        // XChart skips category labels closer than its spacing hint (74 px): label every bar
        chart.getStyler().setXAxisTickMarkSpacingHint(8);
        List<Double> v = new ArrayList<>();
        for (double d : values) {
            v.add(d);
        }
        chart.addSeries(yAxis, categories, v).setFillColor(Figures.CLASS_COLORS[0]);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * One value per index (the mean activation of each code unit, say) as a line, with an optional
     * horizontal reference (a target) drawn dashed.
     */
    public static BufferedImage profile(double[] values, Double reference, String title, String xAxis, String yAxis) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
                .yAxisTitle(yAxis).build();
        style(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        XYSeries s = chart.addSeries(yAxis, x, values);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setLineColor(Figures.CLASS_COLORS[0]);
        s.setMarkerColor(Figures.CLASS_COLORS[0]);
        if (reference != null) {
            XYSeries r = chart.addSeries("target " + reference, new double[] {0, values.length - 1},
                    new double[] {reference, reference});
            r.setMarker(SeriesMarkers.NONE);
            r.setLineColor(Figures.CLASS_COLORS[2]);
            r.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** A histogram of values over {@code bins} equal bins between their minimum and maximum. */
    public static BufferedImage histogram(float[][] values, int bins, String title, String xAxis) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : values) {
            for (float v : row) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double width = max > min ? (max - min) / bins : 1;
        double[] counts = new double[bins];
        for (float[] row : values) {
            for (float v : row) {
                counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format("%.2f", min + (b + 0.5) * width));
        }
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xAxis)
                .yAxisTitle("count").build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setYAxisLogarithmic(false);
        List<Double> v = new ArrayList<>();
        for (double c : counts) {
            v.add(c);
        }
        chart.addSeries("count", labels, v).setFillColor(Figures.CLASS_COLORS[0]);
        return BitmapEncoder.getBufferedImage(chart);
    }

    static double[] column(float[][] rows, int j) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][j];
        }
        return out;
    }

    /**
     * The title font, made smaller (down to 9 pt) until the title fits: XChart centres a title over the plot,
     * which a legend on the right pushes left, and cuts what falls outside the chart. Four fifths of the
     * chart's width fit either way.
     */
    static Font titleFont(String title, int width) {
        Font font = ImageGrid.TITLE_FONT;
        FontRenderContext context = new FontRenderContext(null, true, true);
        while (title != null && font.getSize2D() > 9 && font.getStringBounds(title, context).getWidth() > 0.8 * width) {
            font = font.deriveFont(font.getSize2D() - 1);
        }
        return font;
    }

    static void style(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartTitleFont(titleFont(chart.getTitle(), chart.getWidth()));
        s.setLegendFont(ImageGrid.LABEL_FONT);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(ImageGrid.LABEL_FONT);
            a.setAxisTickLabelsFont(ImageGrid.LABEL_FONT);
        }
    }
}
