package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.diagnose.FixedCost;
import dev.loopbench.jmh.JmhResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * For an external target: the endpoints whose waves carry a fixed cost per request, in the words
 * {@code diagnose} uses. The cost is read where the model pins it: at N = 1 (one round of D
 * whatever the lanes, less T0(1) where the run has the control), or at any N where the model is
 * known (T0 + ceil(N / L) x D). The smallest such reading is taken, so the harness's own share at
 * large N does not count as the endpoint's.
 */
final class FixedCostNote {

    private FixedCostNote() {}

    static List<String> lines(List<JmhResult> results) {
        ControlTimes controls = ControlTimes.of(results);
        Map<String, List<JmhResult>> byEndpoint = new LinkedHashMap<>();
        for (JmhResult cell : results) {
            String target = cell.param("target");
            if (target != null
                    && !target.isBlank()
                    && WaveLines.isWave(cell)
                    && !ControlTimes.isControl(cell)
                    && WaveLines.number(cell.param("delayMs")) > 0) {
                byEndpoint
                        .computeIfAbsent(
                                target + " " + cell.param("handler") + " " + cell.param("delayMs"),
                                key -> new ArrayList<>())
                        .add(cell);
            }
        }
        List<String> lines = new ArrayList<>();
        byEndpoint.forEach((key, cells) -> {
            double delay = WaveLines.number(cells.get(0).param("delayMs"));
            OptionalDouble fixed = cells.stream()
                    .mapToDouble(cell -> reading(cell, delay, controls))
                    .filter(Double::isFinite)
                    .min();
            if (fixed.isEmpty() || !FixedCost.large(fixed.getAsDouble(), delay)) {
                return;
            }
            boolean reopened = cells.stream().anyMatch(cell -> cell.secondaryScore(WaveProfiler.NEW_CONNECTIONS) > 0);
            JmhResult first = cells.get(0);
            lines.add(String.format(
                    Locale.ROOT,
                    "fixed cost: %s at D = %.0f ms takes %.0f ms a request beyond its rounds of D (%.1f x D)%s; the"
                            + " usual causes: %s. ./run-benchmarks.sh diagnose --target %s --path %s --ms %.0f says"
                            + " which.",
                    first.param("handler"),
                    delay,
                    fixed.getAsDouble(),
                    fixed.getAsDouble() / delay,
                    reopened
                            ? ", and its waves opened new connections while measured: the target closes them"
                                    + " (Connection: close or HTTP/1.0), so every request pays a connection's set-up"
                            : "",
                    FixedCost.USUAL_CAUSES,
                    first.param("target"),
                    first.param("handler"),
                    delay));
        });
        return lines;
    }

    /** The wave time beyond the model where the model is known at this cell; NaN where it is not. */
    private static double reading(JmhResult cell, double delay, ControlTimes controls) {
        double measured = cell.primary().score();
        double model = controls.model(cell);
        if (Double.isFinite(model)) {
            return measured - model;
        }
        if (WaveLines.concurrency(cell) == 1) {
            return measured - delay - controls.t0(cell).orElse(0);
        }
        return Double.NaN;
    }
}
