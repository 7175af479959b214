package dev.loopbench.hyperfoil.local;

import io.hyperfoil.api.config.Phase;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.statistics.StatisticsCollector;
import io.hyperfoil.core.util.CountDown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Receives Hyperfoil's statistics as each phase terminates and adds them up per phase and
 * metric. A phase with {@code maxIterations} runs as phases {@code name/000}, {@code name/001},
 * ...; their statistics are merged into one row for {@code name}, which for a wave scenario is
 * one row over all its waves.
 */
final class PhaseStatisticsCollector implements StatisticsCollector.StatisticsConsumer {

    private static final class Totals {
        final boolean warmup;
        final Set<Integer> iterations = new HashSet<>();
        final StatisticsSnapshot snapshot = new StatisticsSnapshot();

        Totals(boolean warmup) {
            this.warmup = warmup;
        }
    }

    /**
     * Phases in the order they first reported, which is the order they ran in (Hyperfoil's
     * phase ids follow no declaration order); metrics by name.
     */
    private final Map<String, Map<String, Totals>> totals = new LinkedHashMap<>();

    @Override
    public synchronized void accept(
            Phase phase, int stepId, String metric, StatisticsSnapshot snapshot, CountDown countDown) {
        Totals row = totals.computeIfAbsent(phaseWithoutIteration(phase.name()), name -> new TreeMap<>())
                .computeIfAbsent(metric, name -> new Totals(phase.isWarmup));
        row.iterations.add(phase.iteration);
        row.snapshot.add(snapshot); // the runner resets its snapshot after this call
    }

    synchronized List<PhaseStatistics> phases() {
        List<PhaseStatistics> phases = new ArrayList<>();
        totals.forEach((phase, metrics) -> metrics.forEach((metric, row) ->
                phases.add(PhaseStatistics.of(phase, metric, row.warmup, row.iterations.size(), row.snapshot))));
        return phases;
    }

    /** {@code waves/007} -> {@code waves}; forks keep their name: {@code waves/007/fork} -> {@code waves/fork}. */
    static String phaseWithoutIteration(String phaseName) {
        return phaseName.replaceFirst("/\\d{3,}(?=/|$)", "");
    }
}
