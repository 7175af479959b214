package dev.loopbench.benchmarks;

import java.util.Optional;

/**
 * The one channel from {@link ConcurrentRequestsBenchmark} to {@link WaveProfiler}: the state
 * publishes its trial's {@link WaveMetrics} here once, in {@code @Setup(Level.Trial)}, and the
 * profiler takes them after each iteration.
 *
 * <p>Why a JVM-wide slot: JMH creates both objects itself, in the forked JVM, and introduces
 * neither to the other. An {@code InternalProfiler} is handed {@code BenchmarkParams},
 * {@code IterationParams} and the iteration's result, never a {@code @State} object, and a state
 * cannot reach the profilers. Within a fork there is one trial at a time ({@code @Threads(1)}; with
 * {@code -f 0}, trials one after another), so one slot is enough, and each trial's set-up replaces
 * the previous trial's metrics.
 *
 * <p>Metrics flow one way, state to profiler. The state learns back only whether a profiler ever
 * took them, to tell a user who forgot {@code -prof} what they are missing.
 */
final class TrialHandoff {

    private static volatile WaveMetrics published;
    private static volatile boolean taken;

    private TrialHandoff() {}

    /** By the state, once per trial, before its first measured wave. */
    static void publish(WaveMetrics metrics) {
        published = metrics;
        taken = false;
    }

    /** By the profiler, after an iteration: empty before any trial's set-up published. */
    static Optional<WaveMetrics> take() {
        WaveMetrics metrics = published;
        if (metrics != null) {
            taken = true;
        }
        return Optional.ofNullable(metrics);
    }

    /** Whether a profiler has taken this trial's metrics since they were published. */
    static boolean taken() {
        return taken;
    }
}
