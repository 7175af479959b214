package dev.loopbench.compare;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.Statistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Two JMH runs compared cell by cell. A change counts only when it is both significant
 * (Welch's t-test on the raw per-iteration scores of all forks, at {@code alpha}) and at least
 * the warn threshold; it is a regression when it is worse by more than the fail threshold.
 */
public record Comparison(
        List<CellComparison> cells,
        List<JmhResult> onlyInBase,
        List<JmhResult> onlyInCandidate,
        List<String> warnings,
        Thresholds thresholds) {

    /** Percentages of the base score, and the significance level. */
    public record Thresholds(double failPercent, double warnPercent, double alpha) {

        public static final Thresholds DEFAULT = new Thresholds(10, 5, 0.01);
    }

    /** Parameters that every result of one run has and no result of the other. */
    static Set<String> oneSidedParams(List<JmhResult> base, List<JmhResult> candidate) {
        Set<String> inBase = paramsOfAll(base);
        Set<String> inCandidate = paramsOfAll(candidate);
        Set<String> oneSided = new TreeSet<>();
        inBase.stream().filter(name -> !inAny(candidate, name)).forEach(oneSided::add);
        inCandidate.stream().filter(name -> !inAny(base, name)).forEach(oneSided::add);
        oneSided.removeAll(JmhResult.ADDED_PARAMS.keySet()); // missing means its old value: see there
        return oneSided;
    }

    private static Set<String> paramsOfAll(List<JmhResult> results) {
        Set<String> common = new TreeSet<>(
                results.isEmpty() ? Set.of() : results.get(0).params().keySet());
        results.forEach(result -> common.retainAll(result.params().keySet()));
        return common;
    }

    private static boolean inAny(List<JmhResult> results, String param) {
        return results.stream().anyMatch(result -> result.params().containsKey(param));
    }

    public static Comparison of(List<JmhResult> base, List<JmhResult> candidate, Thresholds thresholds) {
        Set<String> oneSided = oneSidedParams(base, candidate);
        Function<JmhResult, String> key = result -> result.keyWithout(oneSided);
        Map<String, JmhResult> candidates = new LinkedHashMap<>();
        candidate.forEach(result -> candidates.put(key.apply(result), result));
        Map<String, JmhResult> bases = new LinkedHashMap<>();
        base.forEach(result -> bases.put(key.apply(result), result));

        List<JmhResult> matchedBase = base.stream()
                .filter(result -> candidates.containsKey(key.apply(result)))
                .toList();
        Map<JmhResult, String> labels = CellLabels.of(matchedBase);
        List<CellComparison> cells = new ArrayList<>();
        for (JmhResult baseResult : matchedBase) {
            cells.add(compare(baseResult, candidates.get(key.apply(baseResult)), labels.get(baseResult), thresholds));
        }
        List<JmhResult> onlyInBase = base.stream()
                .filter(result -> !candidates.containsKey(key.apply(result)))
                .toList();
        List<String> warnings = comparabilityWarnings(base, candidate);
        if (!oneSided.isEmpty()) {
            warnings.add("parameter" + (oneSided.size() == 1 ? " " : "s ") + String.join(", ", oneSided)
                    + " exist" + (oneSided.size() == 1 ? "s" : "") + " in only one of the runs (a newer"
                    + " benchmark): cells are matched without it, and what it adds may change the numbers");
        }
        if (!onlyInBase.isEmpty()) {
            warnings.add(onlyInBase.size() + " cell" + (onlyInBase.size() == 1 ? "" : "s")
                    + " of the base have no result in the candidate: a cell whose wave failed gets no score,"
                    + " so check the candidate's run (they are listed at the end)");
        }
        return new Comparison(
                cells,
                onlyInBase,
                candidate.stream()
                        .filter(result -> !bases.containsKey(key.apply(result)))
                        .toList(),
                warnings,
                thresholds);
    }

    static CellComparison compare(JmhResult base, JmhResult candidate, String label, Thresholds thresholds) {
        double baseScore = base.primary().score();
        double change = (candidate.primary().score() - baseScore) / baseScore * 100;
        double worse = base.lowerIsBetter() ? change : -change;
        double[] a = toArray(base.primary().samples());
        double[] b = toArray(candidate.primary().samples());
        if (a.length < 2 || b.length < 2) {
            return new CellComparison(
                    base,
                    candidate,
                    label,
                    change,
                    worse,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Verdict.TOO_FEW_SAMPLES,
                    false);
        }
        double p = Statistics.welchPValue(a, b);
        Statistics.Interval interval = Statistics.differenceInterval(a, b, thresholds.alpha());
        double low = interval.low() / baseScore * 100;
        double high = interval.high() / baseScore * 100;
        Verdict verdict;
        if (Math.abs(change) < thresholds.warnPercent()) {
            verdict = Verdict.SAME;
        } else if (p < thresholds.alpha()) {
            verdict = worse > 0 ? Verdict.SLOWER : Verdict.FASTER;
        } else {
            verdict = Verdict.NOISE;
        }
        boolean regression = verdict == Verdict.SLOWER && worse > thresholds.failPercent();
        return new CellComparison(base, candidate, label, change, worse, low, high, p, verdict, regression);
    }

    /** The geometric mean of candidate/base over the compared cells, as a percentage, positive is worse. */
    public double geometricMeanWorsePercent() {
        double logs = 0;
        int n = 0;
        for (CellComparison cell : cells) {
            double ratio =
                    cell.candidate().primary().score() / cell.base().primary().score();
            if (ratio > 0 && Double.isFinite(ratio)) {
                logs += Math.log(cell.base().lowerIsBetter() ? ratio : 1 / ratio);
                n++;
            }
        }
        return n == 0 ? Double.NaN : (Math.exp(logs / n) - 1) * 100;
    }

    public List<CellComparison> regressions() {
        return cells.stream().filter(CellComparison::regression).toList();
    }

    public long count(Verdict verdict) {
        return cells.stream().filter(cell -> cell.verdict() == verdict).count();
    }

    private static List<String> comparabilityWarnings(List<JmhResult> base, List<JmhResult> candidate) {
        List<String> warnings = new ArrayList<>();
        warnIfDifferent(
                warnings, "JDK", base, candidate, result -> result.settings().jdkVersion());
        warnIfDifferent(
                warnings,
                "VM",
                base,
                candidate,
                result -> result.settings().vmName() + " " + result.settings().vmVersion());
        warnIfDifferent(
                warnings,
                "JVM arguments",
                base,
                candidate,
                result -> String.join(" ", result.settings().jvmArgs()));
        warnIfDifferent(warnings, "forks", base, candidate, result -> Integer.toString(result.forks()));
        warnIfDifferent(warnings, "threads", base, candidate, result -> Integer.toString(result.threads()));
        warnIfDifferent(
                warnings,
                "warm-up",
                base,
                candidate,
                result -> result.settings().warmupIterations() + " x "
                        + result.settings().warmupTime());
        warnIfDifferent(
                warnings,
                "measurement",
                base,
                candidate,
                result -> result.settings().measurementIterations() + " x "
                        + result.settings().measurementTime());
        return warnings;
    }

    private static void warnIfDifferent(
            List<String> warnings,
            String what,
            List<JmhResult> base,
            List<JmhResult> candidate,
            Function<JmhResult, String> property) {
        Set<String> inBase = new TreeSet<>();
        base.forEach(result -> inBase.add(property.apply(result)));
        Set<String> inCandidate = new TreeSet<>();
        candidate.forEach(result -> inCandidate.add(property.apply(result)));
        if (!inBase.equals(inCandidate)) {
            warnings.add("the runs differ in " + what + ": base " + String.join(", ", inBase) + "; candidate "
                    + String.join(", ", inCandidate));
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(Double::isFinite)
                .toArray();
    }
}
