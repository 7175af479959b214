package dev.loopbench.report;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.ModelFit;
import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import dev.loopbench.render.HtmlReport;
import dev.loopbench.render.Uplot;
import io.vertx.core.json.JsonObject;
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

    /** The one sentence the page opens with; the lesson chart under it shows it measured. */
    static final String LESSON = "Requests that want no wait wait behind a handler that holds the event loop.";

    /**
     * @return what was written, a sentence each, or why the charts could not be drawn
     */
    public static List<String> write(List<JmhResult> results, Path resultsFile, Path directory) throws IOException {
        List<String> written = new ArrayList<>();
        boolean staticCharts = false;
        if (!WaveLines.of(results).isEmpty()) {
            try {
                ChartStyle.save(RunCharts.waveTime(results), directory.resolve(WAVE_TIME));
                ChartStyle.save(RunCharts.parallelism(results), directory.resolve(PARALLELISM));
                written.add("wrote " + directory.resolve(WAVE_TIME + ".png") + " and .svg");
                written.add("wrote " + directory.resolve(PARALLELISM + ".png") + " and .svg");
                staticCharts = true;
            } catch (IOException | RuntimeException | Error e) {
                written.add("no charts: " + ChartFailure.describe(e));
            }
        }
        CellLatencies latencies = CellLatencies.beside(resultsFile);
        Path page = directory.resolve("index.html");
        JsonObject data = PageData.of(results, latencies, page);
        RunFacts facts = RunFacts.of(results);
        HtmlReport.write(
                page,
                "loopbench: what blocking the event loop costs",
                facts.describe() + " · " + resultsFile.getFileName(),
                IndexSections.of(results, latencies, data, staticCharts),
                new HtmlReport.Inline(
                        List.of(Uplot.css(), IndexSections.resource("index.css")),
                        data.encode(),
                        List.of(Uplot.script(), IndexSections.resource("index.js"))));
        written.add("wrote " + page + " (interactive, self-contained: uPlot " + Uplot.version() + " inlined)");
        return written;
    }
}
