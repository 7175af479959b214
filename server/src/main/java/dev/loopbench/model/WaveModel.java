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
 *   effective parallelism   P    = N * D / T
 * </pre>
 *
 * T0(N) is the zero-delay control: the wave time of {@code timer} at D = 0, what sending, parsing
 * and answering N requests costs.
 *
 * <p>P is how many lanes the server behaved as if it had; for a server whose lanes are unknown
 * it is the one number that characterises it. Its T is the cell's score: JMH's primary result,
 * the mean time per wave over the measured iterations, the same figure the summary shows as
 * "measured". The summary, the dashboard exports, the charts and the benchmark's
 * {@code effectiveParallelism} metric all divide by that score, so with one fork they print the
 * same P. The mean of the client's own wave clocks, which the metric once took, leaves out the
 * time JMH's clock holds around each call and made two P for one cell (timer at N = 1000: 797.97
 * lanes from the score, 801.82 from the client's clocks).
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

    /**
     * P = N x D / T, T the cell's score (see the class comment). NaN where P says nothing: D = 0
     * (the control), or no positive wave time.
     */
    public static double effectiveParallelism(int concurrency, double delayMs, double waveMillis) {
        requirePositive(concurrency);
        return delayMs > 0 && waveMillis > 0 ? concurrency * delayMs / waveMillis : Double.NaN;
    }

    private static void requirePositive(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
    }
}
