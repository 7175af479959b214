package dev.loopbench.open;

import dev.loopbench.model.SaturationModel;
import dev.loopbench.targets.RequestUrls;
import dev.loopbench.targets.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell to run: a handler, its model's lambda_max and a rate; and how: the settings every
 * cell of a run shares.
 */
record CellPlan(String handler, double lambdaMax, double rate) {

    /**
     * Connections the client may open in all. In-flight requests are R x latency: 1200 for
     * {@code timer} at 12 000/s and D = 100 ms; beyond the knee they grow by R - lambda_max a
     * second. In-process every connection takes two files (client and server), 8000 of the
     * 20 000 a process may open here.
     */
    static final int MAX_CONNECTIONS = 4000;

    /** Of the Poisson gaps; printed in open.json, so that a run can be repeated as it was. */
    static final long SEED = 42;

    /** Beyond D and the model's drain time: for a server that is slower than the model. */
    static final Duration GRACE = Duration.ofSeconds(5);

    /** The model's drain time counts at most this much: a run far beyond the knee ends with timeouts instead. */
    static final Duration MAX_DRAIN = Duration.ofSeconds(60);

    /** 5 000 requests: past the JIT's C2 threshold (5 000 calls) for the per-request paths. */
    static final Duration JIT_WARMUP = Duration.ofSeconds(5);

    static final double JIT_WARMUP_RATE = 1000;

    /** Each handler at the rates asked for, or at its defaults around its knee; lowest rate first. */
    static List<CellPlan> of(OpenOptions options, List<String> handlers, Target target) {
        List<CellPlan> plan = new ArrayList<>();
        for (String handler : handlers) {
            double lambdaMax = SaturationModel.lambdaMax(handler, options.delayMs(), target.shape());
            List<Double> rates = options.rates().isEmpty() ? DefaultRates.of(lambdaMax) : options.rates();
            rates.stream().sorted().distinct().forEach(rate -> plan.add(new CellPlan(handler, lambdaMax, rate)));
        }
        return plan;
    }

    /**
     * The grace after the schedule: D, {@link #GRACE}, and twice the model's time to work off what
     * queued beyond the knee, so that the server is empty again when the next cell starts.
     */
    LoadSettings settings(OpenOptions options, Target target) {
        double drainSeconds = Math.min(
                MAX_DRAIN.toSeconds(), 2 * SaturationModel.drainSeconds(rate, lambdaMax, scheduleSeconds(options)));
        return new LoadSettings(
                RequestUrls.requestUrl(target.baseUrl(), handler, options.delayMs()),
                rate,
                Duration.ofSeconds(options.warmupSeconds()),
                Duration.ofSeconds(options.durationSeconds()),
                options.poisson(),
                SEED,
                Duration.ofMillis(options.delayMs() + GRACE.toMillis() + (long) (drainSeconds * 1000)),
                MAX_CONNECTIONS,
                LoadSettings.connectionsAhead(target.shape()));
    }

    /** {@code GET /timer?ms=0} at {@link #JIT_WARMUP_RATE}, nothing recorded: see {@code OpenRun}. */
    static LoadSettings jitWarmup(Target target) {
        return new LoadSettings(
                RequestUrls.requestUrl(target.baseUrl(), "timer", 0),
                JIT_WARMUP_RATE,
                Duration.ZERO,
                JIT_WARMUP,
                false,
                SEED,
                GRACE,
                MAX_CONNECTIONS,
                LoadSettings.connectionsAhead(target.shape()));
    }

    /** Warm-ups, measurement and the model's drain: what the cells take when the server keeps to the model. */
    static double estimatedSeconds(OpenOptions options, List<CellPlan> plan) {
        double seconds = options.warmupSeconds() > 0 ? JIT_WARMUP.toSeconds() : 0;
        for (CellPlan cell : plan) {
            seconds += scheduleSeconds(options)
                    + SaturationModel.drainSeconds(cell.rate(), cell.lambdaMax(), scheduleSeconds(options))
                    + options.delayMs() / 1000.0
                    + 0.3; // a client of its own per cell: started, connected, closed
        }
        return seconds;
    }

    private static double scheduleSeconds(OpenOptions options) {
        return options.warmupSeconds() + options.durationSeconds();
    }
}
