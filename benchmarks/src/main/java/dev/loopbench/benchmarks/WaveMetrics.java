package dev.loopbench.benchmarks;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What the running trial has measured beyond JMH's own score, kept where {@link WaveProfiler}
 * can read it at the end of each iteration (both run in the benchmark's forked JVM).
 */
public final class WaveMetrics {

    static final WaveMetrics CURRENT = new WaveMetrics();

    /** Per-request latency in microseconds, up to an hour, 3 significant digits. */
    final Recorder latencyMicros = new Recorder(3_600_000_000L, 3);

    final LongAdder waves = new LongAdder();
    final LongAdder waveNanos = new LongAdder();
    /** NaN when the target's lanes are unknown. */
    volatile double predictedMillis = Double.NaN;
    /** Whether {@link WaveProfiler} runs in this JVM: without it the gauges go nowhere. */
    volatile boolean profiled;

    private WaveMetrics() {}

    void startIteration() {
        latencyMicros.reset();
        waves.reset();
        waveNanos.reset();
    }

    void recordWave(WaveClient.Wave wave) {
        waves.increment();
        waveNanos.add(wave.lastResponseNanos() - wave.startNanos());
    }
}
