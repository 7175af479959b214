package dev.loopbench.model;

import java.util.Optional;

/**
 * The open model's saturation: a handler with L lanes, each request holding one for D ms,
 * finishes at most {@code lambda_max = L / D} requests a second. Below it every request finds a
 * free lane and takes D; beyond it the excess queues, and the queue grows by
 * {@code R - lambda_max} requests every second the rate is kept up: latency grows with the run's
 * length, without bound.
 *
 * <p>{@code lambdaMax} is {@code +Infinity} when the model sets no bound (a non-blocking handler,
 * or D = 0) and NaN when the lanes are unknown (a server that is not loopbench's).
 */
public final class SaturationModel {

    private SaturationModel() {}

    /** Requests a second. */
    public static double lambdaMax(String handlerPath, int delayMs, Optional<ServerShape> shape) {
        Optional<HandlerStyle> style = HandlerStyle.fromPath(handlerPath);
        if (style.isEmpty() || shape.isEmpty()) {
            return Double.NaN;
        }
        Lanes lanes = style.get().lanes(shape.get());
        return lanes.isBounded() && delayMs > 0 ? lanes.count() * 1000.0 / delayMs : Double.POSITIVE_INFINITY;
    }

    /** Whether {@code rate} is beyond the knee, so that a queue builds; false when lambda_max is unknown. */
    public static boolean saturates(double rate, double lambdaMax) {
        return rate > lambdaMax;
    }

    /**
     * How long the model needs to answer what queued beyond the knee after {@code scheduleSeconds}
     * at {@code rate}: the backlog {@code (R - lambda_max) x t} worked off at lambda_max. 0 below it.
     */
    public static double drainSeconds(double rate, double lambdaMax, double scheduleSeconds) {
        return Double.isFinite(lambdaMax) && saturates(rate, lambdaMax)
                ? (rate - lambdaMax) * scheduleSeconds / lambdaMax
                : 0;
    }

    /**
     * The latest request's latency in the model: D below the knee; beyond it, the last request of
     * the schedule waits for the whole backlog, D + (R / lambda_max - 1) x t. NaN when the lanes
     * are unknown.
     */
    public static double maxLatencyMillis(double rate, double lambdaMax, int delayMs, double scheduleSeconds) {
        return Double.isNaN(lambdaMax) ? Double.NaN : delayMs + 1000 * drainSeconds(rate, lambdaMax, scheduleSeconds);
    }
}
