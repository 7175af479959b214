package dev.loopbench.server;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.Lanes;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.Statistics;
import dev.loopbench.model.WaveModel;
import dev.loopbench.server.handlers.CpuBurn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks measured waves against the model. Bounds are ratios: a wave cannot beat the model
 * (every request really waits D, and a lane serves one at a time), so the floor is the model
 * less 5% for clock granularity; the ceiling leaves half the prediction again for the cost of
 * HTTP, scheduling and a busy CI machine. Two styles the test tells apart differ by 2x or more.
 * A compute wave needs more: the C cores themselves. When other work holds them, a slower wave
 * proves nothing, so the ceiling is not checked and the test is skipped, saying how many cores
 * were free; the floor still is.
 */
final class ModelAssertions {

    static final double FLOOR = 0.95;
    static final double CEILING = 1.5;
    static final int MEASURED_WAVES = 5;
    /** Waves at ms=0 before measuring: an interpreted request path costs milliseconds, a compiled one microseconds. */
    static final int WARM_UP_WAVES = 100;

    static final double FREE_CORES = 0.9;
    static final int PROBE_CPU_MS = 20;

    private ModelAssertions() {}

    /** Warms the handler's path up, fires one unmeasured wave, then {@link #MEASURED_WAVES}, and checks their median. */
    static double assertWaveMatchesModel(
            WaveTestClient client, HandlerStyle style, ServerShape shape, int concurrency, int delayMs) {
        for (int i = 0; i < WARM_UP_WAVES; i++) {
            client.fire("/" + style.path() + "?ms=0", concurrency).assertAllOk();
        }
        String pathAndQuery = "/" + style.path() + "?ms=" + delayMs;
        client.fire(pathAndQuery, concurrency).assertAllOk();
        List<Double> waves = new ArrayList<>();
        List<Double> freeCores = new ArrayList<>(); // around each wave, for a compute handler
        for (int i = 0; i < MEASURED_WAVES; i++) {
            if (style.computes()) {
                freeCores.add(freeCores(shape.cores()));
            }
            waves.add(client.fire(pathAndQuery, concurrency).assertAllOk().millis());
        }
        if (style.computes()) {
            freeCores.add(freeCores(shape.cores()));
        }
        double median = Statistics.median(waves);
        Lanes lanes = style.lanes(shape);
        double predicted = WaveModel.predictedMillis(concurrency, delayMs, lanes);
        String inputs = String.format(
                Locale.ROOT,
                "%s with N=%d, D=%d ms, %s: lanes L=%s, model ceil(N/L) x D = %.0f ms, allowed %.0f..%.0f ms,"
                        + " measured waves %s ms, median %.1f ms",
                style.path(),
                concurrency,
                delayMs,
                shape,
                lanes,
                predicted,
                FLOOR * predicted,
                CEILING * predicted,
                format(waves),
                median);
        if (median < FLOOR * predicted) {
            throw new AssertionError("wave time does not match the model: " + inputs);
        }
        // the median, like the waves': a moment of other work slows one wave, not their median
        if (!freeCores.isEmpty() && Statistics.median(freeCores) < FREE_CORES * shape.cores()) {
            // nothing computes faster than the model on a busy machine, but a slower wave proves nothing
            String busy = String.format(
                    Locale.ROOT,
                    "a compute wave needs the C = %d cores, but a median of %.2f were free around the waves %s; %s",
                    shape.cores(),
                    Statistics.median(freeCores),
                    format(freeCores),
                    inputs);
            System.out.println("model inconclusive, skipped: " + busy);
            Assumptions.abort(busy);
        }
        if (median > CEILING * predicted) {
            throw new AssertionError("wave time does not match the model: " + inputs);
        }
        System.out.println("model ok: " + inputs);
        return median;
    }

    /**
     * Cores the machine had free just now: C threads burn {@link #PROBE_CPU_MS} of CPU each at
     * once, and had C x that / their wall time cores. Other work on the machine takes cores from
     * a compute wave, so with fewer than {@link #FREE_CORES} x C free its time is not the model's.
     */
    static double freeCores(int cores) {
        Thread[] burners = new Thread[cores];
        long start = System.nanoTime();
        for (int i = 0; i < cores; i++) {
            burners[i] = new Thread(() -> CpuBurn.forMillis(PROBE_CPU_MS), "free-cores-probe-" + i);
            burners[i].start();
        }
        try {
            for (Thread burner : burners) {
                burner.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        double wallMs = (System.nanoTime() - start) / 1e6;
        return Math.min(cores, cores * PROBE_CPU_MS / wallMs);
    }

    private static String format(List<Double> waves) {
        List<String> formatted = new ArrayList<>();
        waves.forEach(wave -> formatted.add(String.format(Locale.ROOT, "%.1f", wave)));
        return formatted.toString();
    }
}
