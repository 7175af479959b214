package dev.loopbench.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The HTML pages of the reports, each one file readable without any tool. The interactive ones
 * (a run's {@code index.html}) inline everything they need, and their Content-Security-Policy
 * forbids any fetch, so that a page that tried one shows it as a console error instead of working
 * only online.
 */
public final class HtmlReport {

    /** No connection, no script or style from anywhere: only what is in the page, and the run's own images. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data: file:";

    private HtmlReport() {}

    /** A section of the page: a title, some explanation and what goes below it (already HTML). */
    public record Section(String title, String explanationHtml, String bodyHtml) {}

    /**
     * What the page carries inline.
     *
     * @param css       style sheets, in order
     * @param dataJson  JSON for the scripts, in {@code <script type="application/json" id="report-data">}
     * @param scripts   scripts, in order, after the data
     */
    public record Inline(List<String> css, String dataJson, List<String> scripts) {}

    public static void write(Path file, String title, String subtitle, List<Section> sections, Inline inline)
            throws IOException {
        StringBuilder html = new StringBuilder(
                """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="Content-Security-Policy" content="%s">
                <title>%s</title>
                """
                        .formatted(CONTENT_SECURITY_POLICY, escape(title)));
        for (String css : inline.css()) {
            html.append("<style>\n").append(css).append("\n</style>\n");
        }
        html.append("</head>\n<body>\n<h1>")
                .append(escape(title))
                .append("</h1>\n<p class=\"sub\">")
                .append(escape(subtitle))
                .append("</p>\n<noscript><p>The charts need JavaScript; the table below does not.</p></noscript>\n");
        for (Section section : sections) {
            html.append("<h2>")
                    .append(escape(section.title()))
                    .append("</h2>\n")
                    .append(
                            section.explanationHtml().isEmpty()
                                    ? ""
                                    : "<p class=\"explain\">" + section.explanationHtml() + "</p>\n")
                    .append(section.bodyHtml())
                    .append('\n');
        }
        html.append("<script type=\"application/json\" id=\"report-data\">")
                .append(jsonInScript(inline.dataJson()))
                .append("</script>\n");
        for (String script : inline.scripts()) {
            html.append("<script>\n").append(scriptInScript(script)).append("\n</script>\n");
        }
        html.append("</body>\n</html>\n");
        Files.writeString(file, html.toString(), StandardCharsets.UTF_8);
    }

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

    /**
     * The rows of a {@link Table} as an HTML table; alignment as for Table, cells that say NO or
     * SLOWER stand out. Each body row carries its index ({@code data-row}) for the page's script,
     * and a last column links to its file, if it has one.
     *
     * @param links per body row, the href of its file
     */
    public static String table(
            String id, List<String[]> rows, String alignment, String linkHeader, List<Optional<String>> links) {
        StringBuilder html = new StringBuilder("<table id=\"" + escape(id) + "\">\n<thead><tr>");
        for (String header : rows.get(0)) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("<th>").append(escape(linkHeader)).append("</th></tr></thead>\n<tbody>\n");
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            html.append("<tr data-row=\"").append(r - 1).append("\">");
            for (int c = 0; c < row.length; c++) {
                boolean bad = row[c].equals("NO") || row[c].startsWith("SLOWER");
                String css = (alignment.charAt(c) == 'r' ? "r" : "") + (bad ? " bad" : "");
                html.append(css.isBlank() ? "<td>" : "<td class=\"" + css.strip() + "\">")
                        .append(escape(row[c]))
                        .append("</td>");
            }
            html.append(links.get(r - 1)
                    .map(href -> "<td><a href=\"" + escape(href) + "\">.hlog</a></td>")
                    .orElse("<td></td>"));
            html.append("</tr>\n");
        }
        return html.append("</tbody>\n</table>").toString();
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

    /** In JSON, {@code \\u003c} is a {@code <}, and no {@code </script>} inside a string can end the element early. */
    private static String jsonInScript(String json) {
        return json.replace("<", "\\u003c");
    }

    /** A script that holds {@code </script} would end its element early: said, never written broken. */
    private static String scriptInScript(String script) {
        String lower = script.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalArgumentException(
                    "a script to inline holds </script or <!--, which would end its element");
        }
        return script;
    }
}
