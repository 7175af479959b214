package dev.loopbench.benchmarks;

import dev.loopbench.client.WaveClient;
import dev.loopbench.target.LoopLag;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What the running trial has measured beyond JMH's own score, kept where {@link WaveProfiler}
 * can read it at the end of each iteration (both run in the benchmark's forked JVM, which JMH
 * starts for one trial: one cell).
 */
public final class WaveMetrics {

    /** Up to an hour, 3 significant digits: 0.1% resolution at any latency. */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.HOURS.toNanos(1);

    static final int SIGNIFICANT_DIGITS = 3;

    /** After the limits: a static field is initialised in the order it is written. */
    static final WaveMetrics CURRENT = new WaveMetrics();

    /** Per-request latency of the current iteration, in nanoseconds. */
    final Recorder latencyNanos = new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);

    /** What the bystanders waited during the current iteration's waves, in nanoseconds. */
    final Recorder bystanderNanos = new Recorder(HIGHEST_TRACKABLE_NANOS, SIGNIFICANT_DIGITS);

    final LongAdder waves = new LongAdder();

    /** NaN when the target's lanes are unknown. */
    volatile double predictedMillis = Double.NaN;

    /** A loopbench server's base URL, whose /metrics tell its event-loop lag; null for another server. */
    volatile String loopbenchUrl;

    /**
     * Its lag histogram at the end of the trial's set-up: the start of the measurement when JMH
     * runs no warm-up iteration, whose profiler call comes before the set-up.
     */
    volatile Optional<LoopLag.Snapshot> lagAfterSetup = Optional.empty();

    /** Its lag histogram as the latest iteration left it, read while the server still runs. */
    volatile Optional<LoopLag.Snapshot> lagAfterIteration = Optional.empty();

    /** Whether {@link WaveProfiler} runs in this JVM: without it the gauges go nowhere. */
    volatile boolean profiled;

    private WaveMetrics() {}

    void startIteration() {
        latencyNanos.reset();
        bystanderNanos.reset();
        waves.reset();
    }

    void recordWave(WaveClient.Wave wave) {
        waves.increment();
    }
}
