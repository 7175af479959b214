package dev.loopbench.benchmarks;

import dev.loopbench.model.Statistics;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The measurement iterations of one trial, added up: one histogram of every request's latency and
 * the iterations' scores. Percentiles come from here, because the average of per-iteration
 * percentiles that JMH would compute is not a percentile of anything.
 */
final class TrialLatency {

    private final Histogram latencyNanos =
            new Histogram(WaveMetrics.HIGHEST_TRACKABLE_NANOS, WaveMetrics.SIGNIFICANT_DIGITS);
    private final Histogram bystanderNanos =
            new Histogram(WaveMetrics.HIGHEST_TRACKABLE_NANOS, WaveMetrics.SIGNIFICANT_DIGITS);
    private final List<Double> scoreMillis = new ArrayList<>();

    /** @param iterationMillisPerWave the iteration's score in ms per wave, NaN when it is not a time per wave */
    void add(Histogram iterationLatencyNanos, Histogram iterationBystanderNanos, double iterationMillisPerWave) {
        latencyNanos.add(iterationLatencyNanos);
        bystanderNanos.add(iterationBystanderNanos);
        scoreMillis.add(iterationMillisPerWave);
    }

    int iterations() {
        return scoreMillis.size();
    }

    long requests() {
        return latencyNanos.getTotalCount();
    }

    /**
     * The trial's score as JMH computes it from the iterations, and in the same order, so that
     * with one fork it is the very double of the cell's primary result.
     */
    double meanScoreMillis() {
        return Statistics.mean(scoreMillis);
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
