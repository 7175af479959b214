package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.WaitStyle;
import dev.loopbench.render.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The table printed after a run: per cell, measured beside the model, the effective
 * parallelism and the p99 latency, and whether the cell fits the model.
 */
public final class Summary {

    /** A cell fits the model when it is within 10% of it, or 15 ms, whichever is larger. */
    static final double FIT_RATIO = 0.10;

    static final double FIT_MILLIS = 15;

    private Summary() {}

    static final String ALIGNMENT = "lrrrrrrlrr";

    public static String render(List<JmhResult> results) {
        return Table.render(rows(results), ALIGNMENT);
    }

    /** The header, then a row per cell. */
    public static List<String[]> rows(List<JmhResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "handler", "N", "D ms", "E", "measured ms", "model ms", "measured/model", "fits model", "P lanes", "p99 ms"
        });
        List<JmhResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt((JmhResult r) -> lessonRank(r.param("handler")))
                .thenComparing(r -> String.valueOf(r.param("handler")))
                .thenComparingInt(r -> intParam(r, "delayMs"))
                .thenComparingInt(r -> intParam(r, "eventLoops"))
                .thenComparingInt(r -> intParam(r, "concurrency")));
        for (JmhResult result : ordered) {
            rows.add(row(result));
        }
        return rows;
    }

    /** loopbench's handlers in the order of the lesson; anything else after them. */
    static int lessonRank(String handler) {
        return WaitStyle.fromPath(String.valueOf(handler)).map(Enum::ordinal).orElse(WaitStyle.values().length);
    }

    private static String[] row(JmhResult result) {
        double measured = result.primary().score();
        double model = result.secondaryScore(WaveProfiler.PREDICTED);
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
            Double.isNaN(model) ? "?" : format(model, 0),
            Double.isNaN(model) || model == 0 ? "" : format(measured / model, 2),
            Double.isNaN(model) ? "" : fits(measured, model) ? "yes" : "NO",
            format(lanes, 1),
            format(result.secondaryScore(WaveProfiler.LATENCY_P99), 1)
        };
    }

    public static boolean fits(double measured, double model) {
        return Math.abs(measured - model) <= Math.max(FIT_RATIO * model, FIT_MILLIS);
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
