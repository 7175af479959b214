package dev.loopbench.benchmarks;

import dev.loopbench.client.WaveClient;
import dev.loopbench.targets.LoopLag;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What one trial measures beyond JMH's own score: one per trial, made and written by
 * {@link ConcurrentRequestsBenchmark}, read by {@link WaveProfiler}, which gets it through
 * {@link TrialHandoff}. The state resets it before each iteration ({@link #startIteration}), and
 * nothing else does.
 */
final class WaveMetrics {

    /** Up to an hour, 3 significant digits: 0.1% resolution at any latency. */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);

    static final int SIGNIFICANT_DIGITS = 3;

    /** Per-request latency of the current iteration, in nanoseconds. */
    final Recorder latencyNanos = new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);

    /** What the bystanders waited during the current iteration's waves, in nanoseconds. */
    final Recorder bystanderNanos = new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);

    final LongAdder waves = new LongAdder();

    /** NaN when the target's lanes are unknown. */
    final double predictedMillis;

    /** The server's lag histogram when the first measurement iteration started; empty for a server without one. */
    volatile Optional<LoopLag.Snapshot> lagAtMeasurementStart = Optional.empty();

    /** Its lag histogram as the latest iteration left it, read while the server still runs. */
    volatile Optional<LoopLag.Snapshot> lagAfterIteration = Optional.empty();

    WaveMetrics(double predictedMillis) {
        this.predictedMillis = predictedMillis;
    }

    /** The one reset: the warm-up wave of the set-up and the previous iteration stay out of the next. */
    void startIteration() {
        latencyNanos.reset();
        bystanderNanos.reset();
        waves.reset();
    }

    void recordWave(WaveClient.Wave wave) {
        waves.increment();
    }
}
