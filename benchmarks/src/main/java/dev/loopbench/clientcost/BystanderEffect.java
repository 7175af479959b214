package dev.loopbench.clientcost;

import dev.loopbench.client.Bystanders;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.Statistics;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Recorder;

/**
 * Bystanders must not change what they watch: the core client's waves with the benchmark's
 * bystanders ({@code /health}, as {@code ConcurrentRequestsBenchmark} sends them) and without, in
 * pairs, the order swapped every pair, so that a change of the machine's load falls on both. At
 * {@code /timer?ms=0} a wave is all client and server cost, the case where bystanders weigh most.
 */
final class BystanderEffect {

    /** Medians of the waves with and without, and the median of each pair's ratio on / off. */
    record Effect(int pairs, double offMillis, double onMillis, double pairRatio) {

        double ratio() {
            return onMillis / offMillis;
        }
    }

    private BystanderEffect() {}

    static Effect measure(LoopbenchServerProcess server, WaveClient core, int concurrency, int eventLoops, int pairs)
            throws Exception {
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (Bystanders bystanders =
                new Bystanders(server.url() + "/health", Bystanders.connectionsFor(eventLoops), new Recorder(3))) {
            bystanders.warmUp();
            CostMeasurement.settle(core, concurrency);
            for (int pair = 0; pair < pairs; pair++) {
                double withMillis;
                double withoutMillis;
                if (pair % 2 == 0) {
                    withoutMillis = fire(core, concurrency);
                    withMillis = fireWith(bystanders, core, concurrency);
                } else {
                    withMillis = fireWith(bystanders, core, concurrency);
                    withoutMillis = fire(core, concurrency);
                }
                off.add(withoutMillis);
                on.add(withMillis);
                ratios.add(withMillis / withoutMillis);
            }
            if (bystanders.failures() > 0) {
                throw new Unmeasurable("bystander requests GET /health failed: " + bystanders.failures()
                        + ", the first with: " + bystanders.firstError());
            }
        }
        return new Effect(pairs, Statistics.median(off), Statistics.median(on), Statistics.median(ratios));
    }

    /**
     * As the benchmark sends them: started before the wave, stopped after it, the next wave fired
     * at once. Waiting here for the last bystander to be answered would put a pause before every
     * other wave, and a wave after a pause of 10 ms is some 40% slower on a VM (measured at N =
     * 256): the pairs' ratios then read the pause, not the bystanders.
     */
    private static double fireWith(Bystanders bystanders, WaveClient core, int concurrency) throws Exception {
        bystanders.start();
        try {
            return fire(core, concurrency);
        } finally {
            bystanders.stop();
        }
    }

    private static double fire(WaveClient core, int concurrency) throws Exception {
        WaveClient.Wave wave = core.fire();
        if (wave.failures() > 0) {
            throw new Unmeasurable("a wave of " + concurrency + " beside the bystanders failed: " + wave.failures()
                    + " of " + wave.requests() + ", the first with: " + wave.firstError());
        }
        return wave.millis();
    }

    static void print(int concurrency, Effect effect, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "harness: bystanders at N = %d (core client, %d pairs of waves with and without, in turns):"
                        + " median without %.2f ms, with %.2f ms, with / without %.3f, median of the pairs' ratios"
                        + " %.3f%n",
                concurrency,
                effect.pairs(),
                effect.offMillis(),
                effect.onMillis(),
                effect.ratio(),
                effect.pairRatio());
    }
}
