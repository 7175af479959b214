package dev.loopbench.server;

import dev.loopbench.model.Lanes;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaitStyle;
import dev.loopbench.model.WaveModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Checks measured waves against the model. Bounds are ratios: a wave cannot beat the model
 * (every request really waits D, and a lane serves one at a time), so the floor is the model
 * less 5% for clock granularity; the ceiling leaves half the prediction again for the cost of
 * HTTP, scheduling and a busy CI machine. Two styles the test tells apart differ by 2x or more.
 */
final class ModelAssertions {

    static final double FLOOR = 0.95;
    static final double CEILING = 1.5;
    static final int MEASURED_WAVES = 5;
    /** Waves at ms=0 before measuring: an interpreted request path costs milliseconds, a compiled one microseconds. */
    static final int WARM_UP_WAVES = 100;

    private ModelAssertions() {}

    /** Warms the handler's path up, fires one unmeasured wave, then {@link #MEASURED_WAVES}, and checks their median. */
    static double assertWaveMatchesModel(
            WaveTestClient client, WaitStyle style, ServerShape shape, int concurrency, int delayMs) {
        for (int i = 0; i < WARM_UP_WAVES; i++) {
            client.fire("/" + style.path() + "?ms=0", concurrency).assertAllOk();
        }
        String pathAndQuery = "/" + style.path() + "?ms=" + delayMs;
        client.fire(pathAndQuery, concurrency).assertAllOk();
        List<Double> waves = new ArrayList<>();
        for (int i = 0; i < MEASURED_WAVES; i++) {
            waves.add(client.fire(pathAndQuery, concurrency).assertAllOk().millis());
        }
        double median = median(waves);
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
        if (median < FLOOR * predicted || median > CEILING * predicted) {
            throw new AssertionError("wave time does not match the model: " + inputs);
        }
        System.out.println("model ok: " + inputs);
        return median;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String format(List<Double> waves) {
        List<String> formatted = new ArrayList<>();
        waves.forEach(wave -> formatted.add(String.format(Locale.ROOT, "%.1f", wave)));
        return formatted.toString();
    }
}
