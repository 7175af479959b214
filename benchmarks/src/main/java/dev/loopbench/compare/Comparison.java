package dev.loopbench.compare;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.Statistics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Two JMH runs compared cell by cell. A change counts only when it is both significant (Welch's
 * t-test on the forks' scores where both runs have two forks or more, else on one fork's
 * iterations, which the warnings then say; its p-value Holm-adjusted over all the cells, so that
 * {@code alpha} bounds the chance of any false alarm in the run) and at least the warn threshold;
 * it is a regression when it is worse by more than the fail threshold. The defaults come from an
 * A/A and A/B study of real runs ({@link CompareStudy}, benchmarks/README.md).
 */
public record Comparison(
        List<CellComparison> cells,
        List<JmhResult> onlyInBase,
        List<JmhResult> onlyInCandidate,
        List<String> warnings,
        Thresholds thresholds) {

    /** Percentages of the base score, and the significance level over all cells (Holm). */
    public record Thresholds(double failPercent, double warnPercent, double alpha) {

        /**
         * From the A/A study in benchmarks/README.md (4 --quick runs of one commit, 6 pairs, 126
         * with resampling, a loaded 2-core VM): 7.5% and 0.01 with Holm raised a false alarm in 4.0%
         * of the pairs (0 of the 6 real ones), within 1 in 20, and caught as much as 5% did; 10% per
         * cell without a correction, the old default, in 27.8%.
         */
        public static final Thresholds DEFAULT = new Thresholds(7.5, 5, 0.01);
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
        List<CellComparison> measured = new ArrayList<>();
        for (JmhResult baseResult : matchedBase) {
            measured.add(
                    measure(baseResult, candidates.get(key.apply(baseResult)), labels.get(baseResult), thresholds));
        }
        List<CellComparison> cells = adjusted(measured, thresholds);
        List<JmhResult> onlyInBase = base.stream()
                .filter(result -> !candidates.containsKey(key.apply(result)))
                .toList();
        List<String> warnings = comparabilityWarnings(base, candidate);
        long oneFork = cells.stream()
                .filter(cell -> cell.verdict() != Verdict.TOO_FEW_SAMPLES && !cell.independent())
                .count();
        if (oneFork > 0) {
            warnings.add(oneFork + " of " + cells.size() + " cells have one fork on a side: their samples are one"
                    + " fork's iterations, which are autocorrelated and miss what changes from one JVM to the"
                    + " next, so their p-values come out too small; -f 2 or more gives independent samples");
        }
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

    /**
     * One cell of two runs, unadjusted: {@code history} judges each run against its trailing
     * baseline with it; {@link #of} adjusts the cells of a run together ({@link #judge}).
     */
    public static CellComparison compare(JmhResult base, JmhResult candidate, String label, Thresholds thresholds) {
        return judge(measure(base, candidate, label, thresholds), Double.NaN, thresholds);
    }

    /** The change and the unadjusted test of one cell; its verdict comes with the adjusted p ({@link #judge}). */
    static CellComparison measure(JmhResult base, JmhResult candidate, String label, Thresholds thresholds) {
        double baseScore = base.primary().score();
        double change = (candidate.primary().score() - baseScore) / baseScore * 100;
        double worse = base.lowerIsBetter() ? change : -change;
        boolean independent = base.primary().rawData().size() >= 2
                && candidate.primary().rawData().size() >= 2;
        double[] a = samples(base, independent);
        double[] b = samples(candidate, independent);
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
                    false,
                    Double.NaN,
                    independent);
        }
        double p = Statistics.welchPValue(a, b);
        Statistics.Interval interval = Statistics.differenceInterval(a, b, thresholds.alpha());
        return new CellComparison(
                base,
                candidate,
                label,
                change,
                worse,
                interval.low() / baseScore * 100,
                interval.high() / baseScore * 100,
                p,
                Verdict.NOISE,
                false,
                p,
                independent);
    }

    /** The verdict of a measured cell by its adjusted p-value; NaN adjusted: its raw one (a single cell). */
    static CellComparison judge(CellComparison cell, double adjustedP, Thresholds thresholds) {
        if (cell.verdict() == Verdict.TOO_FEW_SAMPLES) {
            return cell;
        }
        double p = Double.isNaN(adjustedP) ? cell.rawPValue() : adjustedP;
        Verdict verdict;
        if (Math.abs(cell.changePercent()) < thresholds.warnPercent()) {
            verdict = Verdict.SAME;
        } else if (p < thresholds.alpha()) {
            verdict = cell.worsePercent() > 0 ? Verdict.SLOWER : Verdict.FASTER;
        } else {
            verdict = Verdict.NOISE;
        }
        boolean regression = verdict == Verdict.SLOWER && cell.worsePercent() > thresholds.failPercent();
        return new CellComparison(
                cell.base(),
                cell.candidate(),
                cell.label(),
                cell.changePercent(),
                cell.worsePercent(),
                cell.ciLowPercent(),
                cell.ciHighPercent(),
                p,
                verdict,
                regression,
                cell.rawPValue(),
                cell.independent());
    }

    /**
     * Holm-Bonferroni over the cells that have a test: the i-th smallest of m p-values times
     * {@code m - i + 1}, never below the one before it, at most 1. Testing some 40 cells at once
     * at alpha each would raise a false alarm in most runs; adjusted, alpha bounds the chance of
     * any false alarm over the whole run.
     */
    static List<CellComparison> adjusted(List<CellComparison> measured, Thresholds thresholds) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            if (!Double.isNaN(measured.get(i).rawPValue())) {
                tested.add(i);
            }
        }
        tested.sort(Comparator.comparingDouble(i -> measured.get(i).rawPValue()));
        double[] adjusted = new double[measured.size()];
        java.util.Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < tested.size(); rank++) {
            int i = tested.get(rank);
            running = Math.max(
                    running,
                    Math.min(1, (tested.size() - rank) * measured.get(i).rawPValue()));
            adjusted[i] = running;
        }
        List<CellComparison> judged = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            judged.add(judge(measured.get(i), adjusted[i], thresholds));
        }
        return judged;
    }

    /**
     * A side's samples: each fork's mean score where both sides have two forks or more (forks are
     * independent JVMs), else the iterations of all forks.
     */
    static double[] samples(JmhResult result, boolean perFork) {
        if (!perFork) {
            return toArray(result.primary().samples());
        }
        return result.primary().rawData().stream()
                .map(Comparison::toArray)
                .filter(fork -> fork.length > 0)
                .mapToDouble(fork -> java.util.Arrays.stream(fork).average().orElseThrow())
                .toArray();
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

    static double[] toArray(List<Double> values) {
        return values.stream()
                .mapToDouble(Double::doubleValue)
                .filter(Double::isFinite)
                .toArray();
    }
}
