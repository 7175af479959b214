package dev.loopbench.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code index.html}: the charts and the summary table of a run, readable without any tool. */
public final class HtmlReport {

    private HtmlReport() {}

    /** A section of the page: a title, some explanation and what goes below it (already HTML). */
    public record Section(String title, String explanationHtml, String bodyHtml) {}

    public static void write(Path file, String title, String subtitle, List<Section> sections) throws IOException {
        StringBuilder html = new StringBuilder(
                """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1150px; color: #222; }
                  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; }
                  p.sub { color: #666; }
                  img { max-width: 100%%; border: 1px solid #eee; }
                  table { border-collapse: collapse; font-size: 0.9rem; }
                  th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e5e5e5; }
                  th { text-align: left; background: #f6f6f6; }
                  td.r { text-align: right; font-variant-numeric: tabular-nums; }
                  td.bad { color: #c62828; font-weight: 600; }
                  pre { background: #f6f6f6; padding: 0.8rem; overflow-x: auto; font-size: 0.85rem; }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                <p class="sub">%s</p>
                """
                        .formatted(escape(title), escape(title), escape(subtitle)));
        for (Section section : sections) {
            html.append("<h2>")
                    .append(escape(section.title()))
                    .append("</h2>\n")
                    .append("<p>")
                    .append(section.explanationHtml())
                    .append("</p>\n")
                    .append(section.bodyHtml())
                    .append('\n');
        }
        html.append("</body>\n</html>\n");
        Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
    }

    /** The PNG of a chart (the SVG is several times larger), with a link to the SVG. */
    public static String image(String chart, String alt) {
        return "<a href=\"" + escape(chart) + ".svg\"><img src=\"" + escape(chart) + ".png\" alt=\"" + escape(alt)
                + "\"></a>";
    }

    /** The rows of a {@link Table} as an HTML table; alignment as for Table, cells that say NO or SLOWER stand out. */
    public static String table(List<String[]> rows, String alignment) {
        StringBuilder html = new StringBuilder("<table>\n<tr>");
        for (String header : rows.get(0)) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr>\n");
        for (String[] row : rows.subList(1, rows.size())) {
            html.append("<tr>");
            for (int c = 0; c < row.length; c++) {
                boolean bad = row[c].equals("NO") || row[c].startsWith("SLOWER");
                String css = (alignment.charAt(c) == 'r' ? "r" : "") + (bad ? " bad" : "");
                html.append(css.isBlank() ? "<td>" : "<td class=\"" + css.strip() + "\">")
                        .append(escape(row[c]))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>").toString();
    }

    public static String preformatted(String text) {
        return "<pre>" + escape(text) + "</pre>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
