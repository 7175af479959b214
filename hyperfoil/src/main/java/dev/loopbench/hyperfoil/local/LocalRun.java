package dev.loopbench.hyperfoil.local;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.config.Phase;
import io.hyperfoil.api.session.PhaseInstance;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** One run of a benchmark with Hyperfoil's local runner: one agent, in this JVM. */
final class LocalRun {

    private LocalRun() {}

    static RunResult run(Benchmark benchmark) {
        PhaseStatisticsCollector statistics = new PhaseStatisticsCollector();
        ThrottleNoticingRunner runner = new ThrottleNoticingRunner(benchmark, statistics);
        List<String> failures = new ArrayList<>();
        try {
            runner.run();
        } catch (RuntimeException e) {
            // LocalSimulationRunner rethrows the first phase's error wrapped in a RuntimeException
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            failures.add("the run failed: " + UnusableInput.oneLine(String.valueOf(cause)));
        }
        List<PhaseStatistics> phases = statistics.phases();
        if (phases.isEmpty()) {
            // Hyperfoil counts a request once it is sent: a session that got no connection leaves no trace
            failures.add("no request was sent: Hyperfoil's warnings above say why (a connection refused?)");
        }
        for (PhaseStatistics phase : phases) {
            phase.failure().ifPresent(failures::add);
        }
        for (String phase : runner.throttledPhases()) {
            failures.add("phase " + phase + " ran out of sessions (maxSessions): users started late are measured"
                    + " from their late start, so its latencies are too low (coordinated omission)");
        }
        return new RunResult(
                benchmark.name(),
                benchmark.defaultThreads(),
                phases,
                failures,
                runner.iterations.byPhase(),
                runner.iterations::cpuNanos);
    }

    /**
     * The local runner keeps the flag Hyperfoil raises when an open-model phase had no free
     * session for a user due to start (the controller would fail the run): here it is a failure.
     */
    private static final class ThrottleNoticingRunner extends LocalSimulationRunner {

        private final Set<String> throttledPhases = new TreeSet<>();
        final IterationTimes iterations = new IterationTimes();

        ThrottleNoticingRunner(Benchmark benchmark, PhaseStatisticsCollector statistics) {
            super(benchmark, statistics, null, null);
        }

        @Override
        protected CompletableFuture<Void> phaseChanged(
                Phase phase, PhaseInstance.Status status, boolean sessionLimitExceeded, Throwable error) {
            iterations.changed(phase, status);
            if (sessionLimitExceeded) {
                synchronized (throttledPhases) {
                    throttledPhases.add(PhaseStatisticsCollector.phaseWithoutIteration(phase.name()));
                }
            }
            return super.phaseChanged(phase, status, sessionLimitExceeded, error);
        }

        List<String> throttledPhases() {
            synchronized (throttledPhases) {
                return List.copyOf(throttledPhases);
            }
        }
    }
}
