package dev.loopbench.benchmarks;

import dev.loopbench.model.WaveModel;
import dev.loopbench.targets.LoopLag;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * Adds the model and the per-request latencies to {@link ConcurrentRequestsBenchmark}:
 * {@code -prof dev.loopbench.benchmarks.WaveProfiler} ({@code run-benchmarks.sh} always adds it).
 *
 * <p>Why a profiler: these are gauges (a prediction, a ratio, percentiles), and JMH sums
 * {@code @AuxCounters} over iterations, which only suits counts. The prediction is the same in
 * every iteration, so JMH's average of it is meaningful. The percentiles and the effective
 * parallelism are not averaged: they come once per trial, after its last measurement iteration,
 * from all its measured requests and iteration scores ({@link TrialLatency}). With several forks
 * JMH averages the forks' figures, which is no percentile: the reports read the cell's
 * {@code .hlog} instead, which holds every request of every fork (and, tagged {@code bystander},
 * every bystander's).
 *
 * <p>What it reports, the benchmark's state measured: it takes the trial's {@link WaveMetrics}
 * from {@link TrialHandoff} and only reads them. It does no network I/O of its own; the lag
 * histograms are scraped by the state, between iterations.
 */
public final class WaveProfiler implements InternalProfiler {

    /** The names of the secondary metrics in JMH's results, as the reports read them. */
    public static final String PREDICTED = "predicted";

    public static final String EFFECTIVE_PARALLELISM = "effectiveParallelism";
    public static final String LATENCY_P50 = "latencyP50";
    public static final String LATENCY_P90 = "latencyP90";
    public static final String LATENCY_P99 = "latencyP99";
    public static final String LATENCY_P999 = "latencyP999";
    public static final String LATENCY_MAX = "latencyMax";

    public static final String EVENT_LOOP_LAG_P99 = "eventLoopLagP99";
    public static final String EVENT_LOOP_LAG_MAX = "eventLoopLagMax";
    public static final String BYSTANDER_P50 = "bystanderP50";
    public static final String BYSTANDER_P99 = "bystanderP99";
    public static final String BYSTANDER_MAX = "bystanderMax";

    /** Counted by {@link WaveCounters}, whose fields JMH names its results after. */
    public static final String NEW_CONNECTIONS = "newConnections";

    private final TrialLatency trial = new TrialLatency();
    private LatencyLog log;
    private boolean logFailed;

    @Override
    public String getDescription() {
        return "loopbench: model prediction, effective parallelism and per-request latency percentiles of a cell";
    }

    /**
     * Nothing to do: on the first iteration JMH calls this before the trial's set-up, when there are
     * no metrics yet, and the state resets them itself before every iteration.
     */
    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {}

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        List<Result> results = new ArrayList<>();
        Optional<WaveMetrics> published = TrialHandoff.take();
        // an iteration whose wave failed has no score: the cell's own failure is the one to report
        if (published.isEmpty()
                || iterationParams.getType() != IterationType.MEASUREMENT
                || result.getRawPrimaryResults().isEmpty()
                || published.get().waves.sum() == 0) {
            return results;
        }
        WaveMetrics metrics = published.get();
        Histogram latencies = metrics.latencyNanos.getIntervalHistogram();
        Histogram bystanders = metrics.bystanderNanos.getIntervalHistogram();
        trial.add(latencies, bystanders, millisPerWave(result.getPrimaryResult().getScore(), result.getScoreUnit()));
        logInterval(benchmarkParams, latencies);
        if (bystanders.getTotalCount() > 0) {
            bystanders.setTag(LatencyLog.BYSTANDER_TAG);
            logInterval(benchmarkParams, bystanders);
        }
        if (!Double.isNaN(metrics.predictedMillis)) {
            results.add(new ScalarResult(PREDICTED, metrics.predictedMillis, "ms/op", AggregationPolicy.AVG));
        }
        if (trial.iterations() == iterationParams.getCount()) {
            results.addAll(trialResults(benchmarkParams));
            results.addAll(lagResults(metrics));
            closeLog();
        }
        return results;
    }

    private List<Result> trialResults(BenchmarkParams params) {
        List<Result> results = new ArrayList<>();
        double parallelism = effectiveParallelism(
                Integer.parseInt(params.getParam("concurrency")), Integer.parseInt(params.getParam("delayMs")), trial);
        if (!Double.isNaN(parallelism)) {
            results.add(new TrialResult(EFFECTIVE_PARALLELISM, parallelism, "lanes", AggregationPolicy.AVG));
        }
        if (trial.requests() > 0) {
            results.add(percentile(LATENCY_P50, 50));
            results.add(percentile(LATENCY_P90, 90));
            results.add(percentile(LATENCY_P99, 99));
            results.add(percentile(LATENCY_P999, 99.9));
            results.add(new TrialResult(LATENCY_MAX, trial.maxMillis(), "ms", AggregationPolicy.MAX));
        }
        if (trial.bystanders() > 0) {
            results.add(
                    new TrialResult(BYSTANDER_P50, trial.bystanderPercentileMillis(50), "ms", AggregationPolicy.AVG));
            results.add(
                    new TrialResult(BYSTANDER_P99, trial.bystanderPercentileMillis(99), "ms", AggregationPolicy.AVG));
            results.add(new TrialResult(BYSTANDER_MAX, trial.bystanderMaxMillis(), "ms", AggregationPolicy.MAX));
        }
        return results;
    }

    /**
     * {@link WaveModel#effectiveParallelism} of the mean of the measured iterations' scores: the
     * cell's score, from which the summary and the exports take P too. NaN for D = 0.
     */
    static double effectiveParallelism(int concurrency, int delayMs, TrialLatency trial) {
        return WaveModel.effectiveParallelism(concurrency, delayMs, trial.meanScoreMillis());
    }

    /** A score in ms per wave; NaN for one that is not a time per operation (a throughput mode). */
    static double millisPerWave(double score, String unit) {
        return switch (unit) {
            case "ms/op" -> score;
            case "s/op" -> score * 1e3;
            case "us/op" -> score / 1e3;
            case "ns/op" -> score / 1e6;
            default -> Double.NaN;
        };
    }

    /**
     * The server's event-loop lag over the measured iterations, from the difference of two scrapes
     * of its cumulative histogram: p99 and max, each exact to the width of its bucket.
     */
    private static List<Result> lagResults(WaveMetrics metrics) {
        Optional<LoopLag.Snapshot> after = metrics.lagAfterIteration;
        Optional<LoopLag.Snapshot> before = metrics.lagAtMeasurementStart;
        List<Result> results = new ArrayList<>();
        if (before.isPresent() && after.isPresent()) {
            double p99 = after.get().p99MillisSince(before.get());
            double max = after.get().maxMillisSince(before.get());
            if (!Double.isNaN(p99)) {
                results.add(new TrialResult(EVENT_LOOP_LAG_P99, p99, "ms", AggregationPolicy.AVG));
                results.add(new TrialResult(EVENT_LOOP_LAG_MAX, max, "ms", AggregationPolicy.MAX));
            }
        }
        return results;
    }

    private TrialResult percentile(String name, double percentile) {
        return new TrialResult(name, trial.percentileMillis(percentile), "ms", AggregationPolicy.AVG);
    }

    private void logInterval(BenchmarkParams params, Histogram latencies) {
        Optional<Path> directory = ForkSettings.latencyDirectory();
        if (directory.isEmpty() || logFailed) {
            return;
        }
        try {
            if (log == null) {
                log = LatencyLog.open(directory.get(), cellParams(params));
            }
            log.write(latencies);
        } catch (IOException e) {
            System.out.println("loopbench: cannot write the latency log in " + directory.get() + ": " + e);
            logFailed = true;
        }
    }

    private void closeLog() {
        if (log != null) {
            log.close();
            log = null;
        }
    }

    private static Map<String, String> cellParams(BenchmarkParams params) {
        Map<String, String> cell = new HashMap<>();
        for (String key : params.getParamsKeys()) {
            cell.put(key, params.getParam(key));
        }
        return cell;
    }
}
