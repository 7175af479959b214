package dev.loopbench.compare;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.render.Table;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** A {@link Comparison} as a terminal table, as Markdown for a CI step summary, or as JSON. */
public final class ComparisonFormats {

    private ComparisonFormats() {}

    public static String text(Comparison comparison, String basePath, String candidatePath) {
        StringBuilder out = new StringBuilder();
        out.append("base:      ").append(basePath).append('\n');
        out.append("candidate: ").append(candidatePath).append('\n');
        comparison
                .warnings()
                .forEach(warning -> out.append("WARNING: ").append(warning).append('\n'));
        out.append('\n');
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "base", "candidate", "change", ciHeader(comparison), "p (Holm)", "verdict"});
        for (CellComparison cell : comparison.cells()) {
            rows.add(new String[] {
                cell.label(),
                score(cell.base()),
                score(cell.candidate()),
                percent(cell.changePercent()),
                interval(cell),
                pValue(cell.pValue()),
                verdict(cell)
            });
        }
        out.append(Table.render(rows, "lrrrrrl"));
        out.append('\n');
        appendConclusion(out, comparison, "");
        return out.toString();
    }

    public static String markdown(Comparison comparison, String basePath, String candidatePath) {
        StringBuilder out = new StringBuilder("### loopbench: benchmark comparison\n\n");
        out.append("Base `")
                .append(basePath)
                .append("`, candidate `")
                .append(candidatePath)
                .append("`. ");
        Comparison.Thresholds t = comparison.thresholds();
        out.append(String.format(
                Locale.ROOT,
                "A change counts when it is significant (Welch's t-test, p Holm-adjusted over the cells < %s) and at least %s%%;"
                        + " a significant slowdown beyond %s%% fails.%n%n",
                number(t.alpha()),
                number(t.warnPercent()),
                number(t.failPercent())));
        comparison.warnings().forEach(warning -> out.append("> **Warning:** ")
                .append(warning)
                .append("\n"));
        if (!comparison.warnings().isEmpty()) {
            out.append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"cell", "base", "candidate", "change", ciHeader(comparison), "p (Holm)", "verdict"});
        for (CellComparison cell : comparison.cells()) {
            rows.add(new String[] {
                cell.label(),
                score(cell.base()),
                score(cell.candidate()),
                percent(cell.changePercent()),
                interval(cell),
                pValue(cell.pValue()),
                cell.regression() ? "**" + verdict(cell) + "**" : verdict(cell)
            });
        }
        out.append(Table.markdown(rows, "lrrrrrl"));
        out.append('\n');
        appendConclusion(out, comparison, "- ");
        return out.toString();
    }

    public static String json(Comparison comparison, String basePath, String candidatePath, int exitCode) {
        JsonArray cells = new JsonArray();
        for (CellComparison cell : comparison.cells()) {
            cells.add(new JsonObject()
                    .put("label", cell.label())
                    .put("benchmark", cell.base().benchmark())
                    .put("mode", cell.base().mode())
                    .put(
                            "params",
                            new JsonObject(new LinkedHashMap<>(cell.base().params())))
                    .put("unit", cell.base().primary().unit())
                    .put("lowerIsBetter", cell.base().lowerIsBetter())
                    .put("base", side(cell.base()))
                    .put("candidate", side(cell.candidate()))
                    .put("changePercent", finite(cell.changePercent()))
                    .put(
                            "confidenceIntervalPercent",
                            new JsonArray().add(finite(cell.ciLowPercent())).add(finite(cell.ciHighPercent())))
                    .put("pValue", finite(cell.pValue()))
                    .put("rawPValue", finite(cell.rawPValue()))
                    .put("samples", cell.independent() ? "forks" : "iterations of one fork")
                    .put("verdict", cell.verdict().label())
                    .put("regression", cell.regression()));
        }
        Comparison.Thresholds t = comparison.thresholds();
        JsonObject json = new JsonObject()
                .put("base", basePath)
                .put("candidate", candidatePath)
                .put(
                        "thresholds",
                        new JsonObject()
                                .put("failPercent", t.failPercent())
                                .put("warnPercent", t.warnPercent())
                                .put("alpha", t.alpha()))
                .put("warnings", new JsonArray(comparison.warnings()))
                .put("cells", cells)
                .put("onlyInBase", keys(comparison.onlyInBase()))
                .put("onlyInCandidate", keys(comparison.onlyInCandidate()))
                .put("geometricMeanWorsePercent", finite(comparison.geometricMeanWorsePercent()))
                .put("regressions", comparison.regressions().size())
                .put("exitCode", exitCode);
        return json.encodePrettily() + "\n";
    }

    private static void appendConclusion(StringBuilder out, Comparison comparison, String bullet) {
        double geomean = comparison.geometricMeanWorsePercent();
        out.append(bullet)
                .append(String.format(
                        Locale.ROOT,
                        "geometric mean over %d cells: %s (%s)%n",
                        comparison.cells().size(),
                        percent(geomean),
                        Double.isNaN(geomean) ? "?" : geomean > 0 ? "worse" : "better or equal"));
        out.append(bullet)
                .append(String.format(
                        Locale.ROOT,
                        "%d faster, %d slower, %d same, %d noise, %d with too few samples%n",
                        comparison.count(Verdict.FASTER),
                        comparison.count(Verdict.SLOWER),
                        comparison.count(Verdict.SAME),
                        comparison.count(Verdict.NOISE),
                        comparison.count(Verdict.TOO_FEW_SAMPLES)));
        if (comparison.count(Verdict.TOO_FEW_SAMPLES) > 0) {
            out.append(bullet)
                    .append(
                            "cells with fewer than 2 iterations on a side cannot be judged; run more iterations (-i) or forks (-f)\n");
        }
        for (JmhResult result : comparison.onlyInBase()) {
            out.append(bullet).append("only in base: ").append(result.label()).append('\n');
        }
        for (JmhResult result : comparison.onlyInCandidate()) {
            out.append(bullet)
                    .append("only in candidate: ")
                    .append(result.label())
                    .append('\n');
        }
        List<CellComparison> regressions = comparison.regressions();
        if (regressions.isEmpty()) {
            out.append(bullet)
                    .append(String.format(
                            Locale.ROOT,
                            "no significant regression beyond %s%%%n",
                            number(comparison.thresholds().failPercent())));
        } else {
            out.append(bullet)
                    .append(String.format(
                            Locale.ROOT,
                            "REGRESSION: %d cell%s significantly worse by more than %s%%: %s%n",
                            regressions.size(),
                            regressions.size() == 1 ? "" : "s",
                            number(comparison.thresholds().failPercent()),
                            String.join(
                                    "; ",
                                    regressions.stream()
                                            .map(cell -> cell.label() + " " + percent(cell.changePercent()))
                                            .toList())));
        }
    }

    private static String verdict(CellComparison cell) {
        if (cell.regression()) {
            return "SLOWER, beyond the fail threshold";
        }
        return cell.verdict().label();
    }

    private static String ciHeader(Comparison comparison) {
        return number((1 - comparison.thresholds().alpha()) * 100) + "% CI";
    }

    /** Four significant digits or more, never an exponent: 3237 ms/op, 106.1 ms/op, 0.2503 ms/op. */
    static String score(JmhResult result) {
        double score = result.primary().score();
        double magnitude = Math.abs(score);
        String format = magnitude >= 1000 ? "%.0f" : magnitude >= 100 ? "%.1f" : magnitude >= 10 ? "%.2f" : "%.4g";
        return String.format(Locale.ROOT, format, score) + " "
                + result.primary().unit();
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%+.1f%%", value);
    }

    private static String interval(CellComparison cell) {
        return Double.isNaN(cell.ciLowPercent())
                ? "?"
                : String.format(Locale.ROOT, "[%+.1f, %+.1f]", cell.ciLowPercent(), cell.ciHighPercent());
    }

    private static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "?";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static JsonObject side(JmhResult result) {
        return new JsonObject()
                .put("score", finite(result.primary().score()))
                .put("error", finite(result.primary().error()))
                .put("samples", result.primary().samples().size());
    }

    private static JsonArray keys(List<JmhResult> results) {
        JsonArray keys = new JsonArray();
        results.forEach(result -> keys.add(result.label()));
        return keys;
    }

    /** JSON has no NaN: unknown is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
