package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.ModelFit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code cells.json}: what the summary says of each cell, for scripts. results.json stays JMH's
 * own; this file adds the measured waves, the fit with its reason, and the percentiles of the
 * merged histograms, each with where it comes from.
 */
public final class CellsJson {

    public static final String FILE = "cells.json";

    private CellsJson() {}

    /** @return what was written, a sentence */
    public static String write(List<JmhResult> results, CellLatencies latencies, Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        Files.writeString(file, of(results, latencies).encodePrettily() + "\n", StandardCharsets.UTF_8);
        return "wrote " + file + " (per cell: waves, fit and why, percentiles of the merged histograms)";
    }

    public static JsonObject of(List<JmhResult> results, CellLatencies latencies) {
        ControlTimes controls = ControlTimes.of(results);
        JsonArray cells = new JsonArray();
        for (JmhResult result : Summary.ordered(results)) {
            if (!WaveLines.isWave(result)) {
                continue;
            }
            JsonObject cell = new JsonObject()
                    .put("params", new JsonObject(new java.util.TreeMap<>(result.params())))
                    .put("scoreMs", finite(result.primary().score()))
                    .put("scoreLowMs", finite(result.primary().lowerBound()))
                    .put("scoreHighMs", finite(result.primary().upperBound()))
                    .put("forks", result.forks())
                    .put("iterations", result.primary().samples().size())
                    .put("waves", latencies.waves(result))
                    .put("predictedMs", finite(result.secondaryScore(WaveProfiler.PREDICTED)));
            controls.t0(result)
                    .ifPresent(t0 -> cell.put("t0Ms", finite(t0)).put("modelMs", finite(controls.model(result))));
            if (ControlTimes.isControl(result)) {
                cell.put("fit", "control");
            } else {
                Optional<ModelFit.Judgement> judgement = CellFit.of(result, controls, latencies);
                judgement.ifPresent(j -> cell.put("fit", j.fit().word())
                        .put("reason", j.reason())
                        .put("decide", j.decide()));
            }
            CellLatencies.Cell latency = latencies.of(result);
            cell.put("percentilesFrom", latency.source().name().toLowerCase(java.util.Locale.ROOT));
            latency.requests().ifPresent(p -> cell.put("latencyMs", percentiles(p)));
            latency.bystanders().ifPresent(p -> cell.put("bystanderMs", percentiles(p)));
            cells.add(cell);
        }
        return new JsonObject().put("fitRule", ModelFit.describeJudgement()).put("cells", cells);
    }

    private static JsonObject percentiles(CellLatencies.Percentiles p) {
        return new JsonObject()
                .put("p50", finite(p.p50()))
                .put("p90", finite(p.p90()))
                .put("p99", finite(p.p99()))
                .put("p999", finite(p.p999()))
                .put("max", finite(p.max()))
                .put("count", p.count());
    }

    /** JSON has no NaN. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
