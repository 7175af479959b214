package dev.loopbench.open;

import dev.loopbench.targets.InProcessTarget;
import dev.loopbench.targets.Target;
import java.lang.management.ManagementFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What a run's numbers depend on besides its options: where the server ran, the JDK, the cores,
 * and how busy the machine was (the one-minute load average) at the start and at the end. On a
 * shared 2-core box a load above 2 shows as harness lag and longer tails.
 *
 * @param server "in-process E=2 W=20 V=2", or the target's URL and what its /health says
 * @param loadAverageEnd NaN until {@link #finish}
 */
record RunConditions(
        String date, String server, String jdk, int cores, double loadAverageStart, double loadAverageEnd) {

    static RunConditions start(Target target) {
        return new RunConditions(
                OffsetDateTime.now(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString(),
                target instanceof InProcessTarget
                        ? "in-process " + target.shape().orElseThrow()
                        : target.baseUrl()
                                + target.shape()
                                        .map(shape -> " (loopbench " + shape + ")")
                                        .orElse(""),
                Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                Double.NaN);
    }

    RunConditions finish() {
        return new RunConditions(date, server, jdk, cores, loadAverageStart, loadAverage());
    }

    /** NaN where the OS does not say. */
    private static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }
}
