package aelab.kernel;

import aelab.KeyEffect;
import aelab.Results;
import aelab.figures.Animation;
import aelab.figures.Figures;
import aelab.figures.LatentExplorer;
import aelab.metrics.ClusteringTable;
import java.util.Base64;
import java.util.function.Function;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How the notebook shows AE Lab's objects: charts as PNG, tables as HTML with their text beside,
 * animations as GIFs that play inline. Images ({@code BufferedImage}) and strings are the kernel
 * library's own renderers.
 */
final class Displays {

    private Displays() {}

    static void registerAll(Renderer renderer) {
        renderer.createRegistration(Chart.class).preferring(MIMEType.IMAGE_PNG)
                .register((chart, context) -> context.renderIfRequested(MIMEType.IMAGE_PNG, () -> png(chart)));
        table(renderer, Table.class, t -> t);
        table(renderer, Results.class, Results::table);
        table(renderer, ClusteringTable.class, ClusteringTable::table);
        // library source a lesson turns on: highlighted by the front end as Java, its file and lines above it
        renderer.createRegistration(SourceLines.class).preferring(MIMEType.TEXT_HTML).register((lines, context) -> {
            context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<div class=\"aelab-source\"><div style=\"font-size:"
                    + "smaller;color:#555\">" + escape(lines.caption()) + "</div><pre><code class=\"language-java\">"
                    + escape(lines.text()) + "</code></pre></div>");
            context.renderIfRequested(MIMEType.TEXT_PLAIN, lines::toString);
        });
        // the interactive figure, with its static PNG beside it for pages where scripts do not run
        renderer.createRegistration(LatentExplorer.class).preferring(MIMEType.TEXT_HTML, MIMEType.IMAGE_PNG).register((explorer, context) -> {
            context.renderIfRequested(MIMEType.TEXT_HTML, explorer::html);
            context.renderIfRequested(MIMEType.IMAGE_PNG, () -> Figures.pngBase64(explorer.png()));
            context.renderIfRequested(MIMEType.TEXT_PLAIN, explorer::toString);
        });
        // a lesson's key effect: a line for the reader, JSON for the notebook runner's check
        MIMEType effectType = MIMEType.parse(KeyEffect.MIME);
        renderer.createRegistration(KeyEffect.class).preferring(MIMEType.TEXT_HTML, effectType).register((effect, context) -> {
            context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<p class=\"aelab-key-effect\"><b>Key effect</b>: "
                    + escape(effect.toString().substring("key effect: ".length())) + "</p>");
            context.renderIfRequested(effectType, effect::json);
            context.renderIfRequested(MIMEType.TEXT_PLAIN, effect::toString);
        });
        renderer.createRegistration(Animation.class).preferring(MIMEType.IMAGE_GIF)
                .register((animation, context) -> context.renderIfRequested(MIMEType.IMAGE_GIF,
                        () -> Base64.getEncoder().encodeToString(animation.gif(Animation.DISPLAY_DELAY_MILLIS))));
    }

    /** Shows a {@code T} as its table: HTML, with Tablesaw's text beside it. */
    private static <T> void table(Renderer renderer, Class<T> type, Function<T, Table> asTable) {
        renderer.createRegistration(type).preferring(MIMEType.TEXT_HTML).register((value, context) -> {
            Table table = asTable.apply(value);
            context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table));
            context.renderIfRequested(MIMEType.TEXT_PLAIN, table::printAll);
        });
    }

    static String png(Chart<?, ?> chart) {
        return Figures.pngBase64(BitmapEncoder.getBufferedImage(chart));
    }

    /** A table as HTML, its cells formatted as Tablesaw prints them (so four significant digits stay four). */
    static String html(Table table) {
        StringBuilder out = new StringBuilder("<table>\n");
        if (table.name() != null && !table.name().isBlank()) {
            out.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        out.append("<thead><tr>");
        for (String name : table.columnNames()) {
            out.append("<th>").append(escape(name)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int row = 0; row < table.rowCount(); row++) {
            out.append("<tr>");
            for (int col = 0; col < table.columnCount(); col++) {
                out.append("<td>").append(escape(table.column(col).getString(row))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
