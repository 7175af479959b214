package dev.loopbench.clientcost;

import dev.loopbench.client.Bystanders;
import dev.loopbench.client.WaveClient;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.Statistics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Recorder;

/**
 * Bystanders must not change what they watch: the core client's waves with the benchmark's
 * bystanders ({@code /health}, sent as {@code ConcurrentRequestsBenchmark} sends them: started
 * before each wave, stopped after it) and without, in pairs of blocks, the order swapped every
 * pair, so that a change of the machine's load falls on both. Two cases:
 * <ul>
 * <li>{@code /timer?ms=0}, where a wave is all client and server cost and bystanders weigh most:
 *     blocks of {@value #ZERO_DELAY_BLOCK} waves, whose first is not counted, as a bystander sent
 *     in the block before may still be in flight;</li>
 * <li>{@code /timer?ms=D} at the default run's D, the waves the benchmark measures: one wave
 *     a block, as a few bystanders in flight are nothing beside D.</li>
 * </ul>
 * The verdict comes from the 95% interval of the median of the pairs' ratios (with / without),
 * never the median alone.
 */
final class BystanderEffect {

    /** The effect the benchmark allows: within 2% of the wave without. */
    static final double ALLOWED = 0.02;

    static final int ZERO_DELAY_BLOCK = 10;

    static final int ZERO_DELAY_PAIRS = 20;

    static final int DELAYED_PAIRS = 20;

    /** The pairs' ratios, with / without, and the medians of the waves counted on each side. */
    record Effect(int delayMs, int wavesPerBlock, List<Double> ratios, double offMillis, double onMillis) {

        double ratio() {
            return Statistics.median(ratios);
        }

        Statistics.Interval interval() {
            return Statistics.medianInterval(ratios, 0.95);
        }

        /** {@code within 2%}, {@code beyond 2%} or {@code unsure}, from the interval. */
        String verdict() {
            Statistics.Interval interval = interval();
            if (interval.low() >= 1 - ALLOWED && interval.high() <= 1 + ALLOWED) {
                return "within 2%";
            }
            if (interval.low() > 1 + ALLOWED || interval.high() < 1 - ALLOWED) {
                return "beyond 2%";
            }
            return "unsure: the interval reaches past 2%";
        }
    }

    private BystanderEffect() {}

    /** At ms = 0 with {@code core}, then at the default run's D with a client of its own. */
    static List<Effect> measure(LoopbenchServerProcess server, WaveClient core, int concurrency, int eventLoops)
            throws Exception {
        List<Effect> effects = new ArrayList<>();
        effects.add(measure(server, core, concurrency, eventLoops, 0, ZERO_DELAY_BLOCK, ZERO_DELAY_PAIRS));
        int delayMs = Matrix.DELAY_MS;
        try (WaveClient delayed = WaveClient.open(
                WaveClient.Kind.CORE,
                server.url() + "/timer?ms=" + delayMs,
                concurrency,
                WaveClient.timeoutMillis(concurrency, delayMs, Double.NaN),
                new Recorder(3))) {
            CostMeasurement.fire(delayed, concurrency, "the wave that opens the connections");
            effects.add(measure(server, delayed, concurrency, eventLoops, delayMs, 1, DELAYED_PAIRS));
        }
        return effects;
    }

    private static Effect measure(
            LoopbenchServerProcess server,
            WaveClient client,
            int concurrency,
            int eventLoops,
            int delayMs,
            int wavesPerBlock,
            int pairs)
            throws Exception {
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (Bystanders bystanders = new Bystanders(
                client, server.url() + "/health", Bystanders.connectionsFor(eventLoops), new Recorder(3))) {
            bystanders.warmUp();
            CostMeasurement.settle(client, concurrency);
            for (int pair = 0; pair < pairs; pair++) {
                boolean withFirst = pair % 2 == 1;
                List<Double> first = block(withFirst ? bystanders : null, client, concurrency, wavesPerBlock);
                List<Double> second = block(withFirst ? null : bystanders, client, concurrency, wavesPerBlock);
                List<Double> with = withFirst ? first : second;
                List<Double> without = withFirst ? second : first;
                on.addAll(with);
                off.addAll(without);
                ratios.add(Statistics.median(with) / Statistics.median(without));
            }
            if (bystanders.failures() > 0) {
                throw new Unmeasurable("bystander requests GET /health failed: " + bystanders.failures()
                        + ", the first with: " + bystanders.firstError());
            }
        }
        return new Effect(delayMs, wavesPerBlock, ratios, Statistics.median(off), Statistics.median(on));
    }

    /**
     * Waves back to back, the bystanders (when given) started before each and stopped after it,
     * the next wave fired at once, as the benchmark does. A pause here would be measured instead:
     * a wave after a pause of 10 ms is some 40% slower on a VM (measured at N = 256).
     */
    private static List<Double> block(Bystanders bystanders, WaveClient client, int concurrency, int waves)
            throws Exception {
        List<Double> counted = new ArrayList<>();
        for (int wave = 0; wave < waves; wave++) {
            if (bystanders != null) {
                bystanders.start();
            }
            try {
                double millis = CostMeasurement.fire(client, concurrency, "a wave beside the bystanders")
                        .millis();
                if (waves == 1 || wave > 0) {
                    counted.add(millis);
                }
            } finally {
                if (bystanders != null) {
                    bystanders.stop();
                }
            }
        }
        return counted;
    }

    static void print(int concurrency, List<Effect> effects, PrintStream out) {
        for (Effect effect : effects) {
            Statistics.Interval interval = effect.interval();
            out.printf(
                    Locale.ROOT,
                    "harness: bystanders at N = %d, ms = %d (core client, %d pairs of %s with and without, in"
                            + " turns): median without %.2f ms, with %.2f ms; with / without %.3f, 95%% interval"
                            + " %.3f..%.3f: %s%n",
                    concurrency,
                    effect.delayMs(),
                    effect.ratios().size(),
                    effect.wavesPerBlock() == 1
                            ? "waves"
                            : "blocks of " + effect.wavesPerBlock() + " waves (the first not counted)",
                    effect.offMillis(),
                    effect.onMillis(),
                    effect.ratio(),
                    interval.low(),
                    interval.high(),
                    effect.verdict());
        }
    }
}
