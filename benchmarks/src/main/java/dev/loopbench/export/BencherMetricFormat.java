package dev.loopbench.export;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.report.CellLatencies;
import dev.loopbench.report.WaveLines;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * {@code bmf.json}, Bencher Metric Format: per cell, the wave time with JMH's confidence
 * interval, the p99 latency (of the cell's merged histogram) and the effective parallelism. {@code bencher run --adapter json}
 * reads it as it is.
 */
final class BencherMetricFormat {

    static final String WAVE_TIME = "wave-time";
    static final String LATENCY_P99 = "latency-p99";
    static final String EFFECTIVE_PARALLELISM = "effective-parallelism";

    private BencherMetricFormat() {}

    static JsonObject of(List<JmhResult> results, CellLatencies latencies) {
        JsonObject benchmarks = new JsonObject();
        for (JmhResult result : results) {
            if (!WaveLines.isWave(result)) {
                continue;
            }
            JmhResult.Metric wave = result.primary();
            JsonObject measures = new JsonObject();
            putMeasure(measures, WAVE_TIME, wave.score(), wave.lowerBound(), wave.upperBound());
            // of the merged histogram: one percentile of all requests, which has no interval
            latencies
                    .of(result)
                    .requests()
                    .ifPresent(p -> putMeasure(measures, LATENCY_P99, p.p99(), Double.NaN, Double.NaN));
            // the slower end of the wave time is the lower end of P
            putMeasure(
                    measures,
                    EFFECTIVE_PARALLELISM,
                    WaveLines.parallelism(result, wave.score()),
                    WaveLines.parallelism(result, wave.upperBound()),
                    WaveLines.parallelism(result, wave.lowerBound()));
            benchmarks.put(CellName.of(result), measures);
        }
        return benchmarks;
    }

    /** Bencher takes numbers only: a bound JMH could not compute is left out, a value it could not is no measure. */
    private static void putMeasure(JsonObject measures, String name, double value, double lower, double upper) {
        if (!Double.isFinite(value)) {
            return;
        }
        JsonObject measure = new JsonObject().put("value", value);
        if (Double.isFinite(lower) && Double.isFinite(upper)) {
            // a wide interval of a short time reaches below zero; no time or parallelism does, and
            // Bencher's own JMH adapter clamps the same way
            measure.put("lower_value", Math.max(0, lower)).put("upper_value", upper);
        }
        measures.put(name, measure);
    }
}
