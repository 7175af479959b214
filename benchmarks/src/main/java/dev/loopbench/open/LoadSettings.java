package dev.loopbench.open;

import dev.loopbench.model.ServerShape;
import java.time.Duration;
import java.util.Optional;

/**
 * One cell of open-loop load: GET {@code requestUrl} at {@code ratePerSecond} for
 * {@code warmup} (sent, not recorded) and then {@code measured} (recorded); answers are awaited
 * until the schedule's end plus {@code grace}, after which the requests still open are timeouts.
 *
 * @param seed             of the exponential gaps when {@code poisson}; printed, so a run can be repeated
 * @param maxConnections   in all; a request that finds every one of them busy waits in the client,
 *     and the cell says so
 * @param connectionsAhead per sender, opened before the schedule starts in rounds over the senders,
 *     so that they lie on the server's event loops in turn (see {@link ConnectionRing}): a multiple of
 *     E when it is known
 */
record LoadSettings(
        String requestUrl,
        double ratePerSecond,
        Duration warmup,
        Duration measured,
        boolean poisson,
        long seed,
        Duration grace,
        int maxConnections,
        int connectionsAhead) {

    static final int CONNECTIONS_AHEAD = 8;

    LoadSettings {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("the rate must be a positive number, got " + ratePerSecond);
        }
        if (warmup.isNegative() || measured.isNegative() || measured.isZero() || grace.isNegative()) {
            throw new IllegalArgumentException("warm-up " + warmup + ", measured " + measured + ", grace " + grace
                    + ": the measured time must be positive, the others at least 0");
        }
        if (maxConnections < 1 || connectionsAhead < 1) {
            throw new IllegalArgumentException("maxConnections " + maxConnections + " and connectionsAhead "
                    + connectionsAhead + " must be at least 1");
        }
    }

    /** Eight a sender, or the next multiple of E: the event loops of the server each get as many. */
    static int connectionsAhead(Optional<ServerShape> shape) {
        int eventLoops = shape.map(ServerShape::eventLoops).orElse(1);
        return eventLoops * ((CONNECTIONS_AHEAD + eventLoops - 1) / eventLoops);
    }

    long warmupNanos() {
        return warmup.toNanos();
    }

    /** From the run's start to the last request's scheduled time. */
    long scheduleNanos() {
        return warmup.toNanos() + measured.toNanos();
    }
}
