package dev.loopbench.benchmarks;

import dev.loopbench.model.WaveModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Adds the model and the per-request latencies to every iteration of
 * {@link ConcurrentRequestsBenchmark}: {@code -prof dev.loopbench.benchmarks.WaveProfiler}
 * ({@code run-benchmarks.sh} always adds it).
 *
 * <p>Why a profiler: these are gauges (a prediction, a ratio, percentiles), and JMH sums
 * {@code @AuxCounters} over iterations, which only suits counts. A profiler's results are
 * averaged over iterations like the score, with an error, and land in JMH's JSON as
 * secondary metrics.
 */
public final class WaveProfiler implements InternalProfiler {

    /** The names of the secondary metrics in JMH's results, as the reports read them. */
    public static final String PREDICTED = "predicted";

    public static final String EFFECTIVE_PARALLELISM = "effectiveParallelism";
    public static final String LATENCY_P50 = "latencyP50";
    public static final String LATENCY_P99 = "latencyP99";
    public static final String LATENCY_MAX = "latencyMax";

    @Override
    public String getDescription() {
        return "loopbench: model prediction, effective parallelism and per-request latency of each wave";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        WaveMetrics.CURRENT.profiled = true;
        WaveMetrics.CURRENT.startIteration();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        WaveMetrics metrics = WaveMetrics.CURRENT;
        List<Result> results = new ArrayList<>();
        long waves = metrics.waves.sum();
        if (waves == 0) {
            return results;
        }
        Histogram latencies = metrics.latencyMicros.getIntervalHistogram();
        double meanWaveMillis = metrics.waveNanos.sum() / 1e6 / waves;
        if (!Double.isNaN(metrics.predictedMillis)) {
            results.add(new ScalarResult(PREDICTED, metrics.predictedMillis, "ms/op", AggregationPolicy.AVG));
        }
        results.add(new ScalarResult(
                EFFECTIVE_PARALLELISM,
                WaveModel.effectiveParallelism(
                        Integer.parseInt(benchmarkParams.getParam("concurrency")),
                        Integer.parseInt(benchmarkParams.getParam("delayMs")),
                        meanWaveMillis),
                "lanes",
                AggregationPolicy.AVG));
        if (latencies.getTotalCount() > 0) {
            results.add(new ScalarResult(
                    LATENCY_P50, latencies.getValueAtPercentile(50) / 1e3, "ms", AggregationPolicy.AVG));
            results.add(new ScalarResult(
                    LATENCY_P99, latencies.getValueAtPercentile(99) / 1e3, "ms", AggregationPolicy.AVG));
            results.add(new ScalarResult(LATENCY_MAX, latencies.getMaxValue() / 1e3, "ms", AggregationPolicy.MAX));
        }
        return results;
    }
}
