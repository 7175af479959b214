package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ModelFit;
import dev.loopbench.render.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The table printed after a run: per cell, measured beside the model, the zero-delay control's
 * T0 and the model corrected by it, whether the cell fits, the effective parallelism and the
 * latency percentiles.
 */
public final class Summary {

    private Summary() {}

    static final String ALIGNMENT = "lrrrrrrrrlrrrrr";

    public static String render(List<JmhResult> results) {
        return Table.render(rows(results), ALIGNMENT);
    }

    /** The header, then a row per cell. */
    public static List<String[]> rows(List<JmhResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "handler",
            "N",
            "D ms",
            "E",
            "measured ms",
            "T0 ms",
            "model ms",
            "T0+model ms",
            "measured/model",
            "fits model",
            "P lanes",
            "p50 ms",
            "p99 ms",
            "bystander p99 ms",
            "loop lag max ms"
        });
        ControlTimes controls = ControlTimes.of(results);
        List<JmhResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt((JmhResult r) -> lessonRank(r.param("handler")))
                .thenComparing(r -> String.valueOf(r.param("handler")))
                .thenComparingInt(r -> intParam(r, "delayMs"))
                .thenComparingInt(r -> intParam(r, "eventLoops"))
                .thenComparingInt(r -> intParam(r, "concurrency")));
        for (JmhResult result : ordered) {
            rows.add(row(result, controls));
        }
        return rows;
    }

    /** loopbench's handlers in the order of the lesson; anything else after them. */
    static int lessonRank(String handler) {
        return HandlerStyle.fromPath(String.valueOf(handler)).map(Enum::ordinal).orElse(HandlerStyle.values().length);
    }

    private static String[] row(JmhResult result, ControlTimes controls) {
        double measured = result.primary().score();
        double plainModel = result.secondaryScore(WaveProfiler.PREDICTED);
        double model = controls.model(result);
        OptionalDouble t0 = controls.t0(result);
        int concurrency = intParam(result, "concurrency");
        int delay = intParam(result, "delayMs");
        if (!WaveLines.isWave(result)) { // any other JMH result: its name and score, nothing of the model
            String unit = result.primary().unit();
            return new String[] {
                result.label(),
                "",
                "",
                "",
                withError(measured, result.primary().error()) + " " + unit,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                ""
            };
        }
        boolean inProcess =
                result.param("target") == null || result.param("target").isBlank();
        double lanes = WaveLines.parallelism(result, measured);
        return new String[] {
            result.param("handler"),
            String.valueOf(concurrency),
            String.valueOf(delay),
            inProcess ? String.valueOf(result.param("eventLoops")) : "ext",
            withError(measured, result.primary().error()),
            t0.isPresent() ? format(t0.getAsDouble(), 1) : "",
            Double.isNaN(plainModel) ? "?" : format(plainModel, 0),
            Double.isNaN(model) || t0.isEmpty() ? "" : format(model, 1),
            Double.isNaN(model) || model == 0 ? "" : format(measured / model, 2),
            ControlTimes.isControl(result)
                    ? "control"
                    : Double.isNaN(model) ? "" : ModelFit.fits(measured, model) ? "yes" : "NO",
            format(lanes, 1),
            format(result.secondaryScore(WaveProfiler.LATENCY_P50), 1),
            format(result.secondaryScore(WaveProfiler.LATENCY_P99), 1),
            format(result.secondaryScore(WaveProfiler.BYSTANDER_P99), 1),
            format(result.secondaryScore(WaveProfiler.EVENT_LOOP_LAG_MAX), 1)
        };
    }

    /**
     * Lines to read under the table: which cells opened connections while measured (a target that
     * closes them after each answer), so that their times include connection set-up; and the
     * endpoints of an external target whose waves carry a fixed cost per request.
     */
    public static List<String> notes(List<JmhResult> results) {
        List<String> reopened = results.stream()
                .filter(result -> result.secondaryScore(WaveProfiler.NEW_CONNECTIONS) > 0)
                .map(result -> result.param("handler") + " N=" + result.param("concurrency"))
                .toList();
        List<String> notes = new ArrayList<>();
        if (!reopened.isEmpty()) {
            notes.add("connection set-up is inside the numbers of " + String.join(", ", reopened)
                    + ": the target closed its connections, so each wave opened new ones (newConnections)");
        }
        notes.addAll(FixedCostNote.lines(results));
        return notes;
    }

    private static int intParam(JmhResult result, String name) {
        try {
            return Integer.parseInt(result.param(name));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String withError(double score, double error) {
        return Double.isNaN(error) ? format(score, 1) : format(score, 1) + " ± " + format(error, 1);
    }

    static String format(double value, int decimals) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
