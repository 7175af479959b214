package dev.loopbench.hyperfoil.local;

import io.hyperfoil.api.config.Phase;
import io.hyperfoil.api.session.PhaseInstance;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long each iteration of a phase ran, from the runner's phase changes: RUNNING to TERMINATED,
 * when its last session completed. For a wave scenario ({@code atOnce} users = N, one iteration
 * per wave) that is each wave's time, as loopbench's harness sets it beside its own; and the CPU
 * this JVM spent from a phase's first iteration's start to its last's end.
 */
final class IterationTimes {

    private final Map<String, Long> started = new HashMap<>();
    private final Map<String, List<Double>> millis = new LinkedHashMap<>();
    private final Map<String, List<Double>> whole = new LinkedHashMap<>();
    private final Map<String, Long> firstCpu = new HashMap<>();
    private final Map<String, Long> lastCpu = new HashMap<>();

    synchronized void changed(Phase phase, PhaseInstance.Status status) {
        long now = System.nanoTime();
        String name = PhaseStatisticsCollector.phaseWithoutIteration(phase.name());
        if (status == PhaseInstance.Status.RUNNING) {
            started.putIfAbsent(phase.name(), now);
            firstCpu.putIfAbsent(name, processCpuNanos());
        } else if (status == PhaseInstance.Status.TERMINATED) {
            Long start = started.remove(phase.name());
            // a repeated phase's iterations are name/000, name/001...; the phase 'name' standing for all of
            // them ends as its last iteration starts, and is no iteration
            if (start != null) {
                (name.equals(phase.name()) ? whole : millis)
                        .computeIfAbsent(name, key -> new ArrayList<>())
                        .add((now - start) / 1e6);
                lastCpu.put(name, processCpuNanos());
            }
        }
    }

    /**
     * Each iteration's time in ms, in the order they ended, by phase name without the iteration. A
     * repeated phase's iterations are {@code name/000}, {@code name/001}...; the phase {@code name}
     * that stands for all of them ends as its last iteration starts, and is left out.
     */
    synchronized Map<String, List<Double>> byPhase() {
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        whole.forEach((phase, times) -> copy.put(phase, List.copyOf(times)));
        millis.forEach((phase, times) -> copy.put(phase, List.copyOf(times))); // iterations, when it had them
        return copy;
    }

    /** CPU time of this JVM over the phase, all threads; -1 when unknown. */
    synchronized long cpuNanos(String phase) {
        Long first = firstCpu.get(phase);
        Long last = lastCpu.get(phase);
        return first == null || last == null || first < 0 ? -1 : last - first;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }
}
