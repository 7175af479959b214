package dev.loopbench.compare;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import dev.loopbench.render.Table;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How often {@code compare} cries wolf, and how often it catches a wolf: the study its defaults
 * come from. Not a command of {@code run-benchmarks.sh}; run it on the jar:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.loopbench.compare.CompareStudy \
 *     [--resamples R] [--slowdown PCT] [--seed S] [--ab B.json --relabel delayMs=110:100] A1.json A2.json ...
 * </pre>
 *
 * <p>A/A: the runs are of one commit. Every pair of distinct runs is compared as it is, and again
 * R times with each cell's iterations drawn anew from its fork's mean and spread ({@link
 * #resampled}: the run-to-run difference stays, the iterations vary); a pair whose comparison
 * exits 1 is a false alarm. The resampled pairs of one real pair are not independent of each other: the real
 * pairs are the independent evidence, and the study prints both.
 *
 * <p>A/B, injected: the same pairs, the candidate's scores of one cell at a time multiplied by
 * {@code 1 + PCT/100}; caught when that cell is a regression. A/B, real: {@code --ab} a run with a
 * real slowdown (for example {@code -- -p delayMs=110}), its parameters relabelled to match the A
 * runs, compared with each of them.
 *
 * <p>Each line of the table is one setting of the fail threshold, alpha and the correction, so
 * that the defaults can be chosen: a false alarm in at most 1 of 20 A/A pairs while a 10%
 * slowdown is still caught.
 */
public final class CompareStudy {

    private record Setting(double failPercent, double alpha, boolean holm) {

        Comparison.Thresholds thresholds() {
            return new Comparison.Thresholds(failPercent, Math.min(5, failPercent), alpha);
        }

        String describe() {
            return String.format(
                    Locale.ROOT,
                    "fail %s%%, alpha %s, %s",
                    number(failPercent),
                    number(alpha),
                    holm ? "Holm" : "per cell");
        }
    }

    private CompareStudy() {}

    public static void main(String[] args) throws Exception {
        int resamples = 20;
        double slowdown = 10;
        long seed = 1;
        Path ab = null;
        String relabel = null;
        List<Path> runs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--resamples" -> resamples = Integer.parseInt(args[++i]);
                case "--slowdown" -> slowdown = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--ab" -> ab = Path.of(args[++i]);
                case "--relabel" -> relabel = args[++i];
                default -> runs.add(Path.of(args[i]));
            }
        }
        if (runs.size() < 2) {
            System.err.println("CompareStudy: give at least two results files of one commit");
            System.exit(2);
        }
        List<List<JmhResult>> read = new ArrayList<>();
        for (Path run : runs) {
            read.add(JmhResults.read(run));
        }
        List<JmhResult> real = null;
        if (ab != null) {
            real = relabelled(JmhResults.read(ab), relabel);
        }
        study(read, real, resamples, slowdown, new Random(seed), System.out);
    }

    static void study(
            List<List<JmhResult>> runs,
            List<JmhResult> realSlowdown,
            int resamples,
            double slowdown,
            Random random,
            PrintStream out) {
        List<Setting> settings = new ArrayList<>();
        for (double fail : new double[] {5, 7.5, 10}) {
            for (double alpha : new double[] {0.01, 0.05}) {
                settings.add(new Setting(fail, alpha, true));
            }
            settings.add(new Setting(fail, 0.01, false));
        }
        // the pairs: every two distinct runs as they are, then resampled
        List<List<JmhResult>[]> pairs = new ArrayList<>();
        int realPairs = 0;
        for (int i = 0; i < runs.size(); i++) {
            for (int j = i + 1; j < runs.size(); j++) {
                @SuppressWarnings("unchecked")
                List<JmhResult>[] pair = new List[] {runs.get(i), runs.get(j)};
                pairs.add(pair);
                realPairs++;
            }
        }
        for (int r = 0; r < resamples; r++) {
            for (int k = 0; k < realPairs; k++) {
                @SuppressWarnings("unchecked")
                List<JmhResult>[] pair =
                        new List[] {resampled(pairs.get(k)[0], random), resampled(pairs.get(k)[1], random)};
                pairs.add(pair);
            }
        }
        out.printf(
                Locale.ROOT,
                "A/A: %d runs, %d pairs of distinct runs, each also resampled %d times: %d pairs; A/B: each cell's"
                        + " candidate scores x %.2f in turn%n%n",
                runs.size(),
                realPairs,
                resamples,
                pairs.size(),
                1 + slowdown / 100);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "setting",
            "A/A false alarms (real pairs)",
            "A/A false alarms (all pairs)",
            "A/B " + number(slowdown) + "% caught",
            "real A/B: regressions"
        });
        Map<String, int[]> missedBySetting = new LinkedHashMap<>();
        for (Setting setting : settings) {
            int realAlarms = 0;
            int alarms = 0;
            int caught = 0;
            int injected = 0;
            Map<String, int[]> perCell = new HashMap<>();
            for (int p = 0; p < pairs.size(); p++) {
                List<JmhResult>[] pair = pairs.get(p);
                boolean alarm = !regressions(pair[0], pair[1], setting).isEmpty();
                alarms += alarm ? 1 : 0;
                realAlarms += alarm && p < realPairs ? 1 : 0;
                for (JmhResult cell : pair[1]) {
                    if (!hasCounterpart(pair[0], cell)) {
                        continue;
                    }
                    List<JmhResult> slowed = new ArrayList<>(pair[1]);
                    slowed.set(slowed.indexOf(cell), scaled(cell, 1 + slowdown / 100));
                    boolean hit = regressions(pair[0], slowed, setting).stream()
                            .anyMatch(c -> c.candidate().key().equals(cell.key()));
                    injected++;
                    caught += hit ? 1 : 0;
                    int[] tally = perCell.computeIfAbsent(label(cell), k -> new int[2]);
                    tally[0] += hit ? 1 : 0;
                    tally[1]++;
                }
            }
            String realAb = "";
            if (realSlowdown != null) {
                List<String> counts = new ArrayList<>();
                for (List<JmhResult> run : runs) {
                    List<CellComparison> found = regressions(run, realSlowdown, setting);
                    counts.add(Integer.toString(found.size()));
                }
                realAb = String.join(", ", counts) + " of " + realSlowdown.size();
            }
            rows.add(new String[] {
                setting.describe(),
                realAlarms + " of " + realPairs,
                String.format(Locale.ROOT, "%d of %d (%.1f%%)", alarms, pairs.size(), 100.0 * alarms / pairs.size()),
                String.format(Locale.ROOT, "%.0f%%", 100.0 * caught / Math.max(1, injected)),
                realAb
            });
            perCell.forEach((label, tally) -> {
                if (tally[0] * 2 < tally[1]) {
                    missedBySetting
                            .computeIfAbsent(setting.describe() + ": caught in fewer than half: ", k -> new int[1])[
                            0]++;
                }
            });
            if (setting.equals(defaults())) {
                out.println("per cell, at the defaults (" + setting.describe() + "): how often a " + number(slowdown)
                        + "% slowdown of it is caught");
                perCell.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(e -> out.printf(
                                Locale.ROOT,
                                "  %-40s %3.0f%%%n",
                                e.getKey(),
                                100.0 * e.getValue()[0] / e.getValue()[1]));
                out.println();
            }
        }
        out.print(Table.render(rows, "lrrrr"));
        missedBySetting.forEach((setting, n) -> out.println(setting + n[0] + " cells"));
    }

    private static Setting defaults() {
        Comparison.Thresholds t = Comparison.Thresholds.DEFAULT;
        return new Setting(t.failPercent(), t.alpha(), true);
    }

    private static List<CellComparison> regressions(List<JmhResult> base, List<JmhResult> candidate, Setting setting) {
        Comparison comparison = Comparison.of(base, candidate, setting.thresholds());
        if (setting.holm()) {
            return comparison.regressions();
        }
        return comparison.cells().stream()
                .map(cell -> Comparison.judge(cell, Double.NaN, setting.thresholds()))
                .filter(CellComparison::regression)
                .toList();
    }

    private static boolean hasCounterpart(List<JmhResult> base, JmhResult cell) {
        return base.stream().anyMatch(b -> b.key().equals(cell.key()));
    }

    /**
     * Each fork's iterations drawn anew from a normal distribution with that fork's mean and
     * standard deviation, as many as it had. Not drawn with replacement: three iterations drawn
     * so come out all alike one time in nine, and Welch's test calls two spreadless samples
     * certain, a false alarm of the resampling and not of the runs.
     */
    static List<JmhResult> resampled(List<JmhResult> run, Random random) {
        List<JmhResult> out = new ArrayList<>();
        for (JmhResult result : run) {
            List<List<Double>> forks = new ArrayList<>();
            for (List<Double> fork : result.primary().rawData()) {
                double mean =
                        fork.stream().mapToDouble(Double::doubleValue).average().orElse(0);
                double variance =
                        fork.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / Math.max(1, fork.size() - 1);
                List<Double> drawn = new ArrayList<>();
                for (int i = 0; i < fork.size(); i++) {
                    drawn.add(mean + Math.sqrt(variance) * random.nextGaussian());
                }
                forks.add(drawn);
            }
            out.add(withRawData(result, forks));
        }
        return out;
    }

    static JmhResult scaled(JmhResult result, double factor) {
        List<List<Double>> forks = result.primary().rawData().stream()
                .map(fork -> fork.stream().map(v -> v * factor).toList())
                .toList();
        return withRawData(result, forks);
    }

    private static JmhResult withRawData(JmhResult result, List<List<Double>> forks) {
        double sum = 0;
        int n = 0;
        for (List<Double> fork : forks) {
            for (double v : fork) {
                sum += v;
                n++;
            }
        }
        JmhResult.Metric old = result.primary();
        JmhResult.Metric metric = new JmhResult.Metric(
                n == 0 ? old.score() : sum / n, Double.NaN, Double.NaN, Double.NaN, old.unit(), forks);
        return new JmhResult(
                result.benchmark(),
                result.mode(),
                result.threads(),
                result.forks(),
                result.params(),
                metric,
                result.secondary(),
                result.settings());
    }

    /** {@code name=from:to}: the real A/B run's parameter as the A runs have it, so that the cells match. */
    static List<JmhResult> relabelled(List<JmhResult> run, String relabel) {
        if (relabel == null) {
            return run;
        }
        String name = relabel.substring(0, relabel.indexOf('='));
        String from = relabel.substring(relabel.indexOf('=') + 1, relabel.indexOf(':'));
        String to = relabel.substring(relabel.indexOf(':') + 1);
        List<JmhResult> out = new ArrayList<>();
        for (JmhResult result : run) {
            Map<String, String> params = new HashMap<>(result.params());
            if (from.equals(params.get(name))) {
                params.put(name, to);
            }
            out.add(new JmhResult(
                    result.benchmark(),
                    result.mode(),
                    result.threads(),
                    result.forks(),
                    params,
                    result.primary(),
                    result.secondary(),
                    result.settings()));
        }
        return out;
    }

    private static String label(JmhResult cell) {
        return cell.param("handler") == null
                ? cell.label()
                : cell.param("handler") + " N=" + cell.param("concurrency") + " D=" + cell.param("delayMs");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value) : String.valueOf(value);
    }
}
