package dev.loopbench.model;

import java.util.Optional;

/**
 * The analytical model every result is compared with. N requests, each waiting D ms (or, for
 * the compute handlers, burning D ms of CPU), on a handler with L lanes, complete in
 * {@code ceil(N / L)} rounds of D:
 *
 * <pre>
 *   predicted wave time     T(N) = ceil(N / L) * D        (L unbounded: T = D)
 *   corrected by T0         T(N) = T0(N) + ceil(N / L) * D
 *   effective parallelism   P    = N * D / measured T
 * </pre>
 *
 * T0(N) is the zero-delay control: the wave time of {@code timer} at D = 0, what sending, parsing
 * and answering N requests costs.
 *
 * P is how many lanes the server behaved as if it had; for a server whose lanes are unknown
 * it is the one number that characterises it.
 */
public final class WaveModel {

    private WaveModel() {}

    /** Rounds of D the wave needs: {@code ceil(N / L)}. */
    public static long rounds(int concurrency, Lanes lanes) {
        requirePositive(concurrency);
        return (concurrency + (long) lanes.count() - 1) / lanes.count();
    }

    public static double predictedMillis(int concurrency, double delayMs, Lanes lanes) {
        return rounds(concurrency, lanes) * delayMs;
    }

    /**
     * The prediction for a handler given by its path: NaN when the path is not one of
     * loopbench's or the server's pool sizes are unknown (an external server of any other kind).
     */
    public static double predictedMillis(
            String handlerPath, int concurrency, double delayMs, Optional<ServerShape> shape) {
        Optional<HandlerStyle> style = HandlerStyle.fromPath(handlerPath);
        if (style.isEmpty() || shape.isEmpty()) {
            return Double.NaN;
        }
        return predictedMillis(concurrency, delayMs, style.get().lanes(shape.get()));
    }

    /** {@code T0(N) + ceil(N / L) x D}: the prediction plus what the harness and server spend on N requests anyway. */
    public static double correctedMillis(double controlMillis, double predictedMillis) {
        return controlMillis + predictedMillis;
    }

    /**
     * The longest a bystander (a cheap request on a connection of its own, sent during the wave)
     * should wait: behind every wait queued on its event loop, {@code ceil(N / E) x D}, when the
     * handler holds the loop; about nothing (the time of a round trip) when it does not.
     */
    public static double bystanderWaitMillis(HandlerStyle style, int concurrency, double delayMs, ServerShape shape) {
        requirePositive(concurrency);
        return style.holdsTheEventLoop() ? rounds(concurrency, Lanes.of(shape.eventLoops())) * delayMs : 0;
    }

    public static double effectiveParallelism(int concurrency, double delayMs, double measuredMillis) {
        requirePositive(concurrency);
        if (!(measuredMillis > 0)) {
            throw new IllegalArgumentException("measured wave time must be positive, got " + measuredMillis);
        }
        return concurrency * delayMs / measuredMillis;
    }

    private static void requirePositive(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
    }
}
