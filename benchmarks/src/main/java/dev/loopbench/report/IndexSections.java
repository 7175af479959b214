package dev.loopbench.report;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.ModelFit;
import dev.loopbench.render.HtmlReport;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sections of index.html, in the order a reader needs them: the lesson and the chart that
 * shows it, then wave time and parallelism against the model, then the table. The charts are
 * empty boxes here; {@code index.js} draws them from the page's JSON ({@link PageData}).
 */
final class IndexSections {

    private IndexSections() {}

    static List<HtmlReport.Section> of(
            List<JmhResult> results, CellLatencies latencies, JsonObject data, boolean staticCharts) {
        List<HtmlReport.Section> sections = new ArrayList<>();
        sections.add(new HtmlReport.Section(
                "What a cheap request waits",
                "",
                "<p class=\"lesson\">" + HtmlReport.escape(RunReport.LESSON) + "</p>\n"
                        + "<p class=\"explain\">Bystanders are cheap GET /health requests on connections of their own, sent"
                        + " during every wave but the zero-delay control's (there their few requests would cost the"
                        + " wave, which is all CPU, some 3%). Left: what they waited, p99 (line) and p50 (dots) of the merged histogram,"
                        + " with the model ceil(N / E) x D dashed behind each handler that holds the loop. Right: the"
                        + " server's own view, the event-loop lag (how late its loops ran a task due every few ms, the"
                        + " summary's loop lag max). The zero-delay control, timer at ms=0, is grey and dashed in the lag chart. Click a"
                        + " legend entry to hide or show it; the legend reads the values under the cursor.</p>\n"
                        + "<div class=\"row\"><div class=\"chart wide\" id=\"chart-lesson\"></div>"
                        + "<div class=\"chart\" id=\"chart-lag\"></div></div>"));
        sections.add(new HtmlReport.Section(
                "Wave time and effective parallelism against concurrency",
                "Left: the mean time for a wave of N simultaneous requests to complete, with JMH's 99.9% error bar;"
                        + " the dashed line in the same colour is the model, T0(N) + ceil(N / L) x D. A flat line is a"
                        + " handler whose waits overlap; a staircase is one that serves N requests L at a time. Right:"
                        + " P = N x D / T, how many requests the server behaved as if it could wait for at once; it"
                        + " climbs with N while the handler keeps up and flattens at its lanes L."
                        + (staticCharts
                                ? " The same charts as images: <a href=\"" + RunReport.WAVE_TIME + ".png\">"
                                        + RunReport.WAVE_TIME + ".png</a> (<a href=\"" + RunReport.WAVE_TIME
                                        + ".svg\">svg</a>), <a href=\"" + RunReport.PARALLELISM + ".png\">"
                                        + RunReport.PARALLELISM + ".png</a> (<a href=\"" + RunReport.PARALLELISM
                                        + ".svg\">svg</a>)."
                                : ""),
                "<div class=\"row\"><div class=\"chart\" id=\"chart-wave\"></div>"
                        + "<div class=\"chart\" id=\"chart-parallelism\"></div></div>"));
        sections.add(new HtmlReport.Section(
                "Summary",
                "measured: JMH's mean wave time with its 99.9% error; T0: the zero-delay control (timer at ms=0) at the"
                        + " same N, what sending, parsing and answering N requests costs; model: ceil(N / L) x D;"
                        + " waves: the measured waves the interval rests on; fit: "
                        + HtmlReport.escape(ModelFit.describeJudgement())
                        + "; P: N x D / measured; p50, p99: percentiles of every measured request of the cell, all forks and"
                        + " iterations, from its merged histogram (latency/&lt;cell&gt;.hlog); bystander p99: what"
                        + " cheap requests (GET /health) on connections of their own waited meanwhile; loop lag max: the"
                        + " server's own view, how late its event loops ran a task due every few ms (from /metrics)."
                        + " Click a header to sort, a row to draw its cell's percentile spectrum.",
                "<p><input id=\"filter\" type=\"search\" placeholder=\"filter rows: timer, 1000, unsure ...\"></p>\n"
                        + "<div class=\"scroll\">"
                        + HtmlReport.table(
                                "summary",
                                Summary.rows(results, latencies),
                                Summary.ALIGNMENT,
                                "latency log",
                                logLinks(data))
                        + "</div>"
                        + "\n<div class=\"chart\" id=\"spectrum\"><p id=\"spectrum-note\">Click a row to draw its"
                        + " cell's percentile spectrum: latency against percentile, 1/(1-q) on a log axis.</p>"
                        + "<div id=\"chart-spectrum\"></div></div>\n"
                        + "<output id=\"drawn\" hidden></output>"));
        return sections;
    }

    /** Per table row, its log's link, where PageData found the file. */
    private static List<Optional<String>> logLinks(JsonObject data) {
        List<Optional<String>> links = new ArrayList<>();
        data.getJsonArray("rows").forEach(row -> links.add(Optional.ofNullable(((JsonObject) row).getString("log"))));
        return links;
    }

    /** A file of the page that lives beside this class: its script and its style. */
    static String resource(String name) {
        try (InputStream in = IndexSections.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " beside " + IndexSections.class.getName()
                        + " on the classpath: the build lost index.html's own files");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
