package dev.loopbench.diagnose;

import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import dev.loopbench.render.HtmlReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code results/<timestamp>-diagnose/}: diagnose.json, the two charts and index.html. */
public final class DiagnosisFolder {

    private DiagnosisFolder() {}

    /** @return a line for each chart that could not be drawn, saying why */
    public static List<String> write(LanesSweep.Result result, String table, Path directory) throws IOException {
        List<String> verdict = LanesVerdict.lines(result);
        Files.writeString(
                directory.resolve("diagnose.json"), json(result, verdict).encodePrettily(), StandardCharsets.UTF_8);
        Files.writeString(
                directory.resolve("diagnose.txt"),
                table + "\n" + String.join("\n", verdict) + "\n",
                StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        List<HtmlReport.Section> sections = new ArrayList<>();
        sections.add(new HtmlReport.Section("Verdict", "", HtmlReport.preformatted(String.join("\n", verdict))));
        String title = "GET " + result.requestUrl();
        try {
            ChartStyle.save(DiagnosisChart.waveTime(result, title), directory.resolve("wave-time"));
            ChartStyle.save(DiagnosisChart.parallelism(result, title), directory.resolve("parallelism"));
            sections.add(new HtmlReport.Section(
                    "Wave time against N",
                    "Each point is the median time for N requests sent at once to be answered; the dashed line is"
                            + " the fitted staircase a + ceil(N / L) x D, a being the fixed cost per request.",
                    HtmlReport.image("wave-time", "wave time against concurrency")));
            sections.add(new HtmlReport.Section(
                    "Effective parallelism against N",
                    "P = N x D / T climbs with N while the endpoint keeps up and levels off at its lanes L.",
                    HtmlReport.image("parallelism", "effective parallelism against concurrency")));
        } catch (IOException | RuntimeException | Error e) {
            failures.add("no charts: " + ChartFailure.describe(e));
        }
        sections.add(new HtmlReport.Section("The sweep", "", HtmlReport.preformatted(table)));
        HtmlReport.write(
                directory.resolve("index.html"), "loopbench: how many lanes has this endpoint?", title, sections);
        return failures;
    }

    static JsonObject json(LanesSweep.Result result, List<String> verdict) {
        JsonArray probes = new JsonArray();
        result.probes()
                .forEach(probe -> probes.add(new JsonObject()
                        .put("concurrency", probe.concurrency())
                        .put("waveMs", probe.waveMillis())
                        .put("p99Ms", probe.p99Millis())
                        .put("parallelism", probe.parallelism(result.delayMillis()))
                        .put("waves", probe.waves())
                        .put("connectionsPerRequest", probe.connectionsPerRequest())
                        .put("closingPerRequest", probe.closingPerRequest())));
        JsonArray remeasured = new JsonArray();
        result.remeasured()
                .forEach(probe -> remeasured.add(new JsonObject()
                        .put("concurrency", probe.concurrency())
                        .put("firstWaveMs", probe.waveMillis())));
        AnswerTiming answers = result.answers();
        JsonObject oneAtATime = new JsonObject()
                .put("requests", answers.requests())
                .put("connections", answers.connections())
                .put("closedByServer", answers.closedByServer())
                .put("version", answers.version())
                .put("connectMs", finite(answers.connectMillis()))
                .put("tlsHandshakeMs", finite(answers.handshakeMillis()))
                .put("firstByteMs", finite(answers.firstByteMillis()))
                .put("lastByteMs", finite(answers.lastByteMillis()))
                .put("failure", answers.failure().orElse(null));
        LanesFit.Fit fit = result.fit();
        return new JsonObject()
                .put("url", result.requestUrl())
                .put("delayMs", result.delayMillis())
                .put("delayMeasured", result.delayMeasured())
                .put("lanes", fit.lanes().isPresent() ? fit.lanes().getAsInt() : null)
                .put("unbounded", fit.unbounded())
                .put("exact", fit.exact())
                .put("offsetMs", fit.offsetMillis())
                .put("fixedCostLarge", FixedCost.large(fit.offsetMillis(), fit.delayMillis()))
                .put("residualRmsMs", fit.rmsMillis())
                .put(
                        "runnerUp",
                        fit.runnerUp()
                                .map(other -> new JsonObject()
                                        .put("lanes", other.lanes().toString())
                                        .put("residualRmsMs", other.rmsMillis()))
                                .orElse(null))
                .put("probesOnStaircase", fit.fitting())
                .put(
                        "stoppedAt",
                        result.stoppedAt().isPresent() ? result.stoppedAt().getAsInt() : null)
                .put("verdict", new JsonArray(verdict))
                .put("oneAtATime", oneAtATime)
                .put("remeasured", remeasured)
                .put("probes", probes);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
