package dev.loopbench.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * The measurement iterations of one trial, added up: one histogram of every request's latency and
 * the total of the wave times. Percentiles come from here, because the average of per-iteration
 * percentiles that JMH would compute is not a percentile of anything.
 */
final class TrialLatency {

    private final Histogram latencyNanos =
            new Histogram(WaveMetrics.HIGHEST_TRACKABLE_NANOS, WaveMetrics.SIGNIFICANT_DIGITS);
    private final Histogram bystanderNanos =
            new Histogram(WaveMetrics.HIGHEST_TRACKABLE_NANOS, WaveMetrics.SIGNIFICANT_DIGITS);
    private long waves;
    private long waveNanos;
    private int iterations;

    void add(
            Histogram iterationLatencyNanos,
            Histogram iterationBystanderNanos,
            long iterationWaves,
            long iterationWaveNanos) {
        latencyNanos.add(iterationLatencyNanos);
        bystanderNanos.add(iterationBystanderNanos);
        waves += iterationWaves;
        waveNanos += iterationWaveNanos;
        iterations++;
    }

    int iterations() {
        return iterations;
    }

    long requests() {
        return latencyNanos.getTotalCount();
    }

    /** Mean over every measured wave, not over iterations: each wave weighs the same. */
    double meanWaveMillis() {
        return waves == 0 ? Double.NaN : waveNanos / 1e6 / waves;
    }

    double percentileMillis(double percentile) {
        return latencyNanos.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return latencyNanos.getMaxValue() / 1e6;
    }

    long bystanders() {
        return bystanderNanos.getTotalCount();
    }

    double bystanderPercentileMillis(double percentile) {
        return bystanderNanos.getValueAtPercentile(percentile) / 1e6;
    }

    double bystanderMaxMillis() {
        return bystanderNanos.getMaxValue() / 1e6;
    }
}
