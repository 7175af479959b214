package dev.loopbench.diagnose;

import dev.loopbench.model.WaveModel;

/**
 * One concurrency level of a sweep, measured.
 *
 * @param waveMillis the median wave time of the measured waves
 * @param p99Millis the 99th percentile of their requests' latency
 */
public record SweepPoint(int concurrency, double waveMillis, double p99Millis, int waves) {

    /** P with this point's median wave as T: how many requests the endpoint behaved as if it could serve at once. */
    public double parallelism(double delayMillis) {
        return WaveModel.effectiveParallelism(concurrency, delayMillis, waveMillis);
    }

    /** Whether all N requests were served in one round of D: a round more would take at least 2 D. */
    boolean oneRound(double delayMillis) {
        return waveMillis < LanesFit.ONE_ROUND_LIMIT * delayMillis;
    }
}
