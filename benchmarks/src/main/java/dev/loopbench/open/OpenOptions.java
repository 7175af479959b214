package dev.loopbench.open;

import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.targets.RequestUrls;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./run-benchmarks.sh open [--handlers a,b] [--rates R,...] [--duration S] [--ms D]
 * [--target URL] [--poisson]} asks for. {@link #validate} says in one line what is wrong.
 *
 * @param handlers        paths without the leading slash
 * @param rates           requests a second; empty: each handler's defaults around its lambda_max
 * @param durationSeconds measured, per cell, after the warm-up
 * @param warmupSeconds   per cell, at the cell's rate, not recorded (not on the command line); 0 also
 *     skips the JIT warm-up before the first cell
 * @param eventLoops      E of the in-process server (not on the command line; ignored with a target)
 */
public record OpenOptions(
        List<String> handlers,
        List<Double> rates,
        int durationSeconds,
        int delayMs,
        Optional<String> target,
        boolean poisson,
        int warmupSeconds,
        int eventLoops) {

    public static final List<String> ALL_HANDLERS =
            Arrays.stream(HandlerStyle.values()).map(HandlerStyle::path).toList();
    /**
     * Long enough for the queue beyond the knee to show (at 1.1 x lambda_max it adds 0.7 s of
     * waiting over 2 + 5 s) and for a p99 of 50 samples at the lowest default rate (10/s); short
     * enough that the default run of all nine handlers, four rates each, takes about five minutes.
     */
    public static final int DEFAULT_DURATION_SECONDS = 5;

    public static final int DEFAULT_DELAY_MS = Matrix.DELAY_MS;
    /** Opens the connections and compiles the request paths of client and server before anything counts. */
    public static final int DEFAULT_WARMUP_SECONDS = 2;

    public static final int DEFAULT_EVENT_LOOPS = Matrix.EVENT_LOOPS;
    /** Beyond this the client, not the server, is what a 2-core box measures. */
    public static final double MAX_RATE = 100_000;

    static final int MAX_DURATION_SECONDS = 3600;

    public OpenOptions {
        handlers = List.copyOf(handlers);
        rates = List.copyOf(rates);
    }

    /** Every handler at its default rates, D = 100 ms, 5 s each, the in-process server with E = 2. */
    public static OpenOptions defaults() {
        return new OpenOptions(
                ALL_HANDLERS,
                List.of(),
                DEFAULT_DURATION_SECONDS,
                DEFAULT_DELAY_MS,
                Optional.empty(),
                false,
                DEFAULT_WARMUP_SECONDS,
                DEFAULT_EVENT_LOOPS);
    }

    /**
     * What the command line gives, the rest at its defaults.
     *
     * @param handlers null when {@code --handlers} is not given: every handler
     * @param rates    null when {@code --rates} is not given: each handler's defaults
     */
    public static OpenOptions fromCommandLine(
            List<String> handlers,
            List<Double> rates,
            int durationSeconds,
            int delayMs,
            Optional<String> target,
            boolean poisson) {
        return new OpenOptions(
                handlers == null ? ALL_HANDLERS : handlers,
                rates == null ? List.of() : rates,
                durationSeconds,
                delayMs,
                target,
                poisson,
                DEFAULT_WARMUP_SECONDS,
                DEFAULT_EVENT_LOOPS);
    }

    /** @throws IllegalArgumentException with one line that names the option, what it got and what it takes */
    public void validate() {
        if (handlers.isEmpty() || handlers.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(
                    "--handlers needs one or more handler paths, comma separated, e.g. event-loop-sleep,timer");
        }
        if (target.isEmpty()) {
            for (String handler : handlers) {
                if (HandlerStyle.fromPath(handler).isEmpty()) {
                    throw new IllegalArgumentException("--handlers: '" + handler
                            + "' is not a handler of the in-process server; it has " + HandlerStyle.allPaths());
                }
            }
        }
        for (double rate : rates) {
            if (!(rate > 0 && rate <= MAX_RATE)) {
                throw new IllegalArgumentException("--rates: every rate must be a number of requests a second above 0"
                        + " and at most " + (long) MAX_RATE + ", got " + rate);
            }
        }
        requireWithin("--duration", durationSeconds, 1, MAX_DURATION_SECONDS);
        requireWithin("--ms", delayMs, 0, 10_000);
        requireWithin("warm-up seconds", warmupSeconds, 0, 600);
        requireWithin("event loops", eventLoops, 1, 64);
        target.ifPresent(url -> {
            try {
                RequestUrls.baseUrl(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--target " + e.getMessage());
            }
        });
    }

    private static void requireWithin(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    option + " must be a whole number from " + min + " to " + max + ", got " + value);
        }
    }
}
