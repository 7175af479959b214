package dev.loopbench.open;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.Lanes;
import dev.loopbench.model.ServerShape;
import java.util.List;
import java.util.Optional;

/**
 * The model's saturation rate: a handler with L lanes, each request holding one for D ms, finishes
 * at most {@code lambda_max = L / D} requests a second. Below it every request finds a free lane
 * and takes D; beyond it the excess queues, and the queue grows by {@code R - lambda_max} requests
 * every second the rate is kept up: latency grows with the run's length, without bound.
 *
 * <p>{@code lambdaMax} is {@code +Infinity} when the model sets no bound (a non-blocking handler,
 * or D = 0) and NaN when the lanes are unknown (a server that is not loopbench's).
 */
final class SaturationModel {

    /**
     * Default rates as fractions of lambda_max: two below the knee (half, where nothing queues,
     * and 0.9, near it, where Poisson arrivals already queue a little), two beyond (1.1, just
     * past it, where the queue grows slowly, and 1.5, where it plainly runs away).
     */
    static final List<Double> KNEE_FRACTIONS = List.of(0.5, 0.9, 1.1, 1.5);

    /**
     * For handlers the model does not bound (and servers whose lanes are unknown): a ladder up to
     * where this 2-core box bends with client and server on it. timer, D = 100 ms, 3 s each after
     * the JIT warm-up, load average 6 to 8 from other work: p99 104, 102, 104, 104 and 112 ms at
     * 1000, 2000, 3000, 4000 and 6000/s, harness lag p99 at most 4.5 ms; at 8000 and 12000/s the
     * harness fell 100 to 250 ms behind and p99 was 400 to 770 ms; at 16 000/s 1.7 s.
     */
    static final List<Double> HARNESS_RATES = List.of(1000.0, 3000.0, 6000.0, 12000.0);

    private SaturationModel() {}

    static double lambdaMax(String handler, int delayMs, Optional<ServerShape> shape) {
        Optional<HandlerStyle> style = HandlerStyle.fromPath(handler);
        if (style.isEmpty() || shape.isEmpty()) {
            return Double.NaN;
        }
        Lanes lanes = style.get().lanes(shape.get());
        return lanes.isBounded() && delayMs > 0 ? lanes.count() * 1000.0 / delayMs : Double.POSITIVE_INFINITY;
    }

    static List<Double> defaultRates(double lambdaMax) {
        if (!Double.isFinite(lambdaMax)) {
            return HARNESS_RATES;
        }
        return KNEE_FRACTIONS.stream()
                .map(fraction -> roundToThreeDigits(fraction * lambdaMax))
                .toList();
    }

    /** "yes", "no", or "?" when the lanes are unknown. */
    static String beyond(double rate, double lambdaMax) {
        return Double.isNaN(lambdaMax) ? "?" : rate > lambdaMax ? "yes" : "no";
    }

    /**
     * How long the model needs to answer what queued beyond the knee after {@code scheduleSeconds}
     * at {@code rate}: the backlog {@code (R - lambda_max) x t} worked off at lambda_max. 0 below it.
     */
    static double drainSeconds(double rate, double lambdaMax, double scheduleSeconds) {
        return Double.isFinite(lambdaMax) && rate > lambdaMax ? (rate - lambdaMax) * scheduleSeconds / lambdaMax : 0;
    }

    /**
     * The latest request's latency in the model: D below the knee; beyond it, the last request of
     * the schedule waits for the whole backlog, D + (R / lambda_max - 1) x t. NaN when the lanes
     * are unknown.
     */
    static double maxLatencyMillis(double rate, double lambdaMax, int delayMs, double scheduleSeconds) {
        return Double.isNaN(lambdaMax) ? Double.NaN : delayMs + 1000 * drainSeconds(rate, lambdaMax, scheduleSeconds);
    }

    static String describe(double lambdaMax) {
        return Double.isNaN(lambdaMax) ? "?" : Double.isInfinite(lambdaMax) ? "unbounded" : OpenTable.number(lambdaMax);
    }

    private static double roundToThreeDigits(double value) {
        double scale = Math.pow(10, 2 - Math.floor(Math.log10(value)));
        return Math.round(value * scale) / scale;
    }
}
