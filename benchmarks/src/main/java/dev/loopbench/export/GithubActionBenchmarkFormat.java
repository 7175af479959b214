package dev.loopbench.export;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.report.CellLatencies;
import dev.loopbench.report.WaveLines;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * github-action-benchmark's custom formats, an entry per cell: the wave time for
 * {@code tool: customSmallerIsBetter}, the effective parallelism for {@code customBiggerIsBetter}
 * (one tool per file, so two files).
 */
final class GithubActionBenchmarkFormat {

    private GithubActionBenchmarkFormat() {}

    static JsonArray waveTimes(List<JmhResult> results, CellLatencies latencies) {
        JsonArray entries = new JsonArray();
        for (JmhResult result : results) {
            if (WaveLines.isWave(result)) {
                JmhResult.Metric wave = result.primary();
                JsonObject entry = entry(result, wave.unit(), wave.score());
                if (Double.isFinite(wave.error())) {
                    entry.put("range", String.format(Locale.ROOT, "± %.3f", wave.error()));
                }
                entries.add(entry.put("extra", extra(result, latencies)));
            }
        }
        return entries;
    }

    static JsonArray parallelism(List<JmhResult> results) {
        JsonArray entries = new JsonArray();
        for (JmhResult result : results) {
            double lanes = WaveLines.parallelism(result, result.primary().score());
            if (WaveLines.isWave(result) && Double.isFinite(lanes)) {
                entries.add(entry(result, "lanes", lanes));
            }
        }
        return entries;
    }

    private static JsonObject entry(JmhResult result, String unit, double value) {
        return new JsonObject()
                .put("name", CellName.of(result))
                .put("unit", unit)
                .put("value", value);
    }

    /** Shown under the value in the action's charts: what the model said and what the last request waited. */
    private static String extra(JmhResult result, CellLatencies latencies) {
        double model = result.secondaryScore(WaveProfiler.PREDICTED);
        double p99 = latencies
                .of(result)
                .requests()
                .map(CellLatencies.Percentiles::p99)
                .orElse(Double.NaN);
        return String.format(
                Locale.ROOT,
                "model %s ms; p99 %s ms",
                Double.isNaN(model) ? "?" : String.format(Locale.ROOT, "%.0f", model),
                Double.isNaN(p99) ? "?" : String.format(Locale.ROOT, "%.1f", p99));
    }
}
