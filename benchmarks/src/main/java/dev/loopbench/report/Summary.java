package dev.loopbench.report;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ModelFit;
import dev.loopbench.render.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The table printed after a run: per cell, measured beside the model with the waves it rests on,
 * the zero-delay control's T0 and the model corrected by it, the cell's fit ({@link CellFit}:
 * fits, unsure or misses), the effective parallelism and the latency percentiles, which come from
 * the cell's merged histogram ({@link CellLatencies}), never from JMH's averages.
 */
public final class Summary {

    private Summary() {}

    static final String ALIGNMENT = "lrrrrrrrrrlrrrrr";

    /** Without latency logs: percentiles only for one-fork cells, see {@link CellLatencies}. */
    public static String render(List<JmhResult> results) {
        return render(results, CellLatencies.none());
    }

    public static String render(List<JmhResult> results, CellLatencies latencies) {
        return Table.render(rows(results, latencies), ALIGNMENT);
    }

    public static List<String[]> rows(List<JmhResult> results) {
        return rows(results, CellLatencies.none());
    }

    /** The header, then a row per cell. */
    public static List<String[]> rows(List<JmhResult> results, CellLatencies latencies) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "handler",
            "N",
            "D ms",
            "E",
            "measured ms",
            "waves",
            "T0 ms",
            "model ms",
            "T0+model ms",
            "measured/model",
            "fit",
            "P lanes",
            "p50 ms",
            "p99 ms",
            "bystander p99 ms",
            "loop lag max ms"
        });
        ControlTimes controls = ControlTimes.of(results);
        List<JmhResult> ordered = ordered(results);
        for (JmhResult result : ordered) {
            rows.add(row(result, controls, latencies));
        }
        return rows;
    }

    /** The cells in the table's order: the lesson's, then by D, E and N. */
    static List<JmhResult> ordered(List<JmhResult> results) {
        List<JmhResult> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingInt((JmhResult r) -> lessonRank(r.param("handler")))
                .thenComparing(r -> String.valueOf(r.param("handler")))
                .thenComparingInt(r -> intParam(r, "delayMs"))
                .thenComparingInt(r -> intParam(r, "eventLoops"))
                .thenComparingInt(r -> intParam(r, "concurrency")));
        return ordered;
    }

    /** loopbench's handlers in the order of the lesson; anything else after them. */
    static int lessonRank(String handler) {
        return HandlerStyle.fromPath(String.valueOf(handler)).map(Enum::ordinal).orElse(HandlerStyle.values().length);
    }

    private static String[] row(JmhResult result, ControlTimes controls, CellLatencies latencies) {
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
                "",
                ""
            };
        }
        boolean inProcess =
                result.param("target") == null || result.param("target").isBlank();
        double lanes = WaveLines.parallelism(result, measured);
        long waves = latencies.waves(result);
        CellLatencies.Cell latency = latencies.of(result);
        return new String[] {
            result.param("handler"),
            String.valueOf(concurrency),
            String.valueOf(delay),
            inProcess ? String.valueOf(result.param("eventLoops")) : "ext",
            withError(measured, result.primary().error()),
            waves > 0 ? Long.toString(waves) : "?",
            t0.isPresent() ? format(t0.getAsDouble(), 1) : "",
            Double.isNaN(plainModel) ? "?" : format(plainModel, 0),
            Double.isNaN(model) || t0.isEmpty() ? "" : format(model, 1),
            Double.isNaN(model) || model == 0 ? "" : format(measured / model, 2),
            ControlTimes.isControl(result)
                    ? "control"
                    : CellFit.of(result, controls, latencies)
                            .map(judgement -> judgement.fit().word())
                            .orElse(""),
            format(lanes, 1),
            latency.requests().map(p -> format(p.p50(), 1)).orElse(""),
            latency.requests().map(p -> format(p.p99(), 1)).orElse(""),
            latency.bystanders().map(p -> format(p.p99(), 1)).orElse(""),
            format(result.secondaryScore(WaveProfiler.EVENT_LOOP_LAG_MAX), 1)
        };
    }

    /**
     * Lines to read under the table: the fit rule and each unsure or missing cell's reason, where
     * the percentiles come from, and which cells opened connections while measured.
     */
    public static List<String> notes(List<JmhResult> results, CellLatencies latencies) {
        List<String> notes = new ArrayList<>();
        ControlTimes controls = ControlTimes.of(results);
        Map<ModelFit.Fit, Integer> counts = new EnumMap<>(ModelFit.Fit.class);
        List<String> explained = new ArrayList<>();
        for (JmhResult result : ordered(results)) {
            Optional<ModelFit.Judgement> judgement = CellFit.of(result, controls, latencies);
            if (judgement.isEmpty()) {
                continue;
            }
            ModelFit.Fit fit = judgement.get().fit();
            counts.merge(fit, 1, Integer::sum);
            if (fit != ModelFit.Fit.FITS) {
                explained.add("  " + result.param("handler") + " N=" + result.param("concurrency") + ": " + fit.word()
                        + ", " + judgement.get().reason()
                        + (judgement.get().decide().isEmpty()
                                ? ""
                                : "; to decide: " + judgement.get().decide()));
            }
        }
        if (!counts.isEmpty()) {
            notes.add("fit: " + counts.getOrDefault(ModelFit.Fit.FITS, 0) + " fit, "
                    + counts.getOrDefault(ModelFit.Fit.UNSURE, 0) + " unsure, "
                    + counts.getOrDefault(ModelFit.Fit.MISSES, 0) + " miss; " + ModelFit.describeJudgement());
            notes.addAll(explained);
        }
        Map<CellLatencies.Source, Integer> sources = new EnumMap<>(CellLatencies.Source.class);
        results.stream()
                .filter(WaveLines::isWave)
                .forEach(result -> sources.merge(latencies.of(result).source(), 1, Integer::sum));
        if (!sources.isEmpty()) {
            List<String> from = new ArrayList<>();
            sources.forEach((source, n) -> from.add(n + " cell" + (n == 1 ? "" : "s") + " " + source.description()));
            notes.add(
                    "percentiles (p50, p99, bystander p99) are of every measured request of all forks and iterations: "
                            + String.join("; ", from)
                            + ". JMH's latencyP* in results.json are per fork and averaged over forks,"
                            + " so not shown. waves: the measured waves each cell's interval rests on");
        }
        notes.addAll(notes(results));
        return notes;
    }

    /**
     * Which cells opened connections while measured (a target that closes them after each
     * answer), so that their times include connection set-up; and the endpoints of an external
     * target whose waves carry a fixed cost per request.
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
