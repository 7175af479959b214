package dev.loopbench.open;

import java.time.Duration;

/**
 * One cell of open-loop load: GET {@code requestUrl} at {@code ratePerSecond} for
 * {@code warmup} (sent, not recorded) and then {@code measured} (recorded); answers are awaited
 * until the schedule's end plus {@code grace}, after which the requests still open are timeouts.
 *
 * @param seed             of the exponential gaps when {@code poisson}; printed, so a run can be repeated
 * @param maxConnections   in all; a request that finds every one of them busy waits in the client,
 *     and the cell says so
 */
record LoadSettings(
        String requestUrl,
        double ratePerSecond,
        Duration warmup,
        Duration measured,
        boolean poisson,
        long seed,
        Duration grace,
        int maxConnections) {

    LoadSettings {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number, got " + ratePerSecond);
        }
        if (warmup.isNegative() || measured.isNegative() || measured.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("warm-up " + warmup + ", measured " + measured + ", grace " + grace
                    + ": the measured time must be positive, the others at least 0");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    long warmupNanos() {
        return warmup.toNanos();
    }

    /** From the run's start to the last request's scheduled time. */
    long scheduleNanos() {
        return warmup.toNanos() + measured.toNanos();
    }
}
