package dev.loopbench.report;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.ModelFit;
import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import dev.loopbench.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The charts, {@code summary.txt} and {@code index.html} of one results file. */
public final class RunReport {

    public static final String WAVE_TIME = "wave-time";
    public static final String PARALLELISM = "parallelism";

    private RunReport() {}

    /** The rule {@link ModelFit#fits} applies, in its own words. */
    static String fitRule() {
        return ModelFit.describe() + ",";
    }

    /**
     * @return what was written, a sentence each, or why the charts could not be drawn
     */
    public static List<String> write(List<JmhResult> results, Path resultsFile, Path directory) throws IOException {
        List<String> written = new ArrayList<>();
        List<HtmlReport.Section> sections = new ArrayList<>();
        if (!WaveLines.of(results).isEmpty()) {
            try {
                ChartStyle.save(RunCharts.waveTime(results), directory.resolve(WAVE_TIME));
                ChartStyle.save(RunCharts.parallelism(results), directory.resolve(PARALLELISM));
                written.add("wrote " + directory.resolve(WAVE_TIME + ".png") + " and .svg");
                written.add("wrote " + directory.resolve(PARALLELISM + ".png") + " and .svg");
                sections.add(new HtmlReport.Section(
                        "Wave time against concurrency",
                        "Each point is the mean time for a wave of N simultaneous requests to complete, with JMH's"
                                + " 99.9% error bar; the dashed line in the same colour is the model, ceil(N / L) x D."
                                + " A flat line is a handler whose waits overlap; a staircase is one that serves N requests"
                                + " L at a time.",
                        HtmlReport.image(WAVE_TIME, "wave time against concurrency")));
                sections.add(new HtmlReport.Section(
                        "Effective parallelism against concurrency",
                        "P = N x D / T: how many requests the server behaved as if it could wait for at once. It climbs with"
                                + " N while the handler keeps up and flattens at its number of lanes L.",
                        HtmlReport.image(PARALLELISM, "effective parallelism against concurrency")));
            } catch (IOException | RuntimeException | Error e) {
                written.add("no charts: " + ChartFailure.describe(e));
            }
        }
        sections.add(new HtmlReport.Section(
                "Summary",
                "measured: JMH's mean wave time with its 99.9% error; T0: the zero-delay control (timer at ms=0) at the"
                        + " same N, what sending, parsing and answering N requests costs; model: ceil(N / L) x D;"
                        + " waves: the measured waves the interval rests on; fit: "
                        + HtmlReport.escape(ModelFit.describeJudgement())
                        + "; P: N x D / measured; p50, p99: percentiles of every measured request of the cell, all forks and"
                        + " iterations, from its merged histogram (latency/&lt;cell&gt;.hlog); bystander p99: what"
                        + " cheap requests (GET /health) on connections of their own waited meanwhile; loop lag max: the"
                        + " server's own view, how late its event loops ran a task due every few ms (from /metrics).",
                HtmlReport.table(Summary.rows(results, CellLatencies.beside(resultsFile)), Summary.ALIGNMENT)));
        RunFacts facts = RunFacts.of(results);
        HtmlReport.write(
                directory.resolve("index.html"),
                "loopbench: what blocking the event loop costs",
                facts.describe() + " · " + resultsFile.getFileName(),
                sections);
        written.add("wrote " + directory.resolve("index.html"));
        return written;
    }
}
