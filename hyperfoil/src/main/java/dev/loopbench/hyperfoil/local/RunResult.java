package dev.loopbench.hyperfoil.local;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A finished local run: statistics per phase and metric, and one line per failure (failed
 * requests, phases that ran out of sessions, a phase error). No failures: exit code 0.
 * {@code iterationMillis}: each iteration's time of each phase, {@code cpuNanos} the CPU this JVM
 * spent over a phase ({@link IterationTimes}).
 */
record RunResult(
        String benchmark,
        int threads,
        List<PhaseStatistics> phases,
        List<String> failures,
        Map<String, List<Double>> iterationMillis,
        ToLongFunction<String> cpuNanos) {}
