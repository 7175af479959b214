package dev.loopbench.history;

import dev.loopbench.compare.CellComparison;
import dev.loopbench.compare.Comparison;
import dev.loopbench.jmh.JmhResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Many runs in run order, each cell and metric a series with one point per run that has it, each
 * point judged against the trailing baseline (the series' last {@code baselineRuns} points before
 * it, their iteration scores pooled) by the rule of {@code compare}: {@link Comparison#compare}.
 */
public final class History {

    /** One run: where it was read from, its metadata, JMH's results. */
    public record Run(String source, RunMetadata metadata, boolean metadataRecorded, List<JmhResult> results) {}

    /**
     * One point of a series.
     *
     * @param verdict against the trailing baseline; null for a series' first point (no baseline)
     */
    public record Point(
            int run, double score, double low, double high, int samples, CellComparison verdict, int baselineSize) {

        public boolean regression() {
            return verdict != null && verdict.regression();
        }
    }

    /**
     * One cell's metric over the runs.
     *
     * @param chart  what the series is drawn in: benchmark, handler and metric
     * @param line   the parameter set (everything but the handler)
     */
    public record Series(
            String chart, String line, String metric, String unit, boolean lowerIsBetter, List<Point> points) {}

    /** Secondary metrics that are counts or the model, not measurements to follow over time. */
    private static final Set<String> SKIPPED_UNITS = Set.of("#");

    private static final Set<String> SKIPPED_METRICS = Set.of("predicted");

    private final List<Run> runs;
    private final List<Series> series;
    private final int baselineRuns;
    private final Comparison.Thresholds thresholds;

    private History(List<Run> runs, List<Series> series, int baselineRuns, Comparison.Thresholds thresholds) {
        this.runs = runs;
        this.series = series;
        this.baselineRuns = baselineRuns;
        this.thresholds = thresholds;
    }

    public static History of(List<Run> unordered, int baselineRuns, Comparison.Thresholds thresholds) {
        if (baselineRuns < 1) {
            throw new IllegalArgumentException("the baseline needs at least one run, got " + baselineRuns);
        }
        List<Run> runs = unordered.stream()
                .sorted(Comparator.comparing((Run run) -> run.metadata().time()).thenComparing(Run::source))
                .toList();
        Map<String, List<Measurement>> bySeries = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            for (JmhResult result : runs.get(i).results()) {
                for (Map.Entry<String, JmhResult.Metric> metric :
                        metrics(result).entrySet()) {
                    String key = result.key() + " | " + metric.getKey();
                    bySeries.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Measurement(i, asPrimary(result, metric.getValue())));
                    names.putIfAbsent(
                            key, new String[] {chartName(result, metric.getKey()), lineName(result), metric.getKey()});
                }
            }
        }
        List<Series> series = new ArrayList<>();
        bySeries.forEach((key, measurements) -> {
            String[] name = names.get(key);
            List<Point> points = new ArrayList<>();
            for (int m = 0; m < measurements.size(); m++) {
                Measurement here = measurements.get(m);
                List<Measurement> baseline = measurements.subList(Math.max(0, m - baselineRuns), m);
                CellComparison verdict = baseline.isEmpty()
                        ? null
                        : Comparison.compare(pooled(baseline), here.result(), name[0] + " " + name[1], thresholds);
                JmhResult.Metric metric = here.result().primary();
                double error = Double.isFinite(metric.error()) ? metric.error() : Double.NaN;
                double low = Double.isFinite(metric.lowerBound()) ? metric.lowerBound() : metric.score() - error;
                double high = Double.isFinite(metric.upperBound()) ? metric.upperBound() : metric.score() + error;
                points.add(new Point(
                        here.run(), metric.score(), low, high, metric.samples().size(), verdict, baseline.size()));
            }
            JmhResult first = measurements.get(0).result();
            series.add(new Series(
                    name[0], name[1], name[2], first.primary().unit(), first.lowerIsBetter(), List.copyOf(points)));
        });
        series.sort(Comparator.comparing(
                        (Series s) -> s.chart().substring(0, s.chart().lastIndexOf(" · ")))
                .thenComparing(s -> s.metric().equals("score") ? "" : s.metric()) // the score first
                .thenComparing(Series::line, LINE_ORDER));
        return new History(runs, List.copyOf(series), baselineRuns, thresholds);
    }

    /** N=4 before N=16: numbers in a parameter set compare as numbers. */
    private static final Comparator<String> LINE_ORDER = (a, b) -> {
        String[] x = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] y = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private record Measurement(int run, JmhResult result) {}

    public List<Run> runs() {
        return runs;
    }

    public List<Series> series() {
        return series;
    }

    public int baselineRuns() {
        return baselineRuns;
    }

    public List<Point> regressions() {
        return series.stream()
                .flatMap(s -> s.points().stream())
                .filter(Point::regression)
                .toList();
    }

    /** The metrics followed: JMH's primary score, and the secondary ones that are measurements. */
    static Map<String, JmhResult.Metric> metrics(JmhResult result) {
        Map<String, JmhResult.Metric> metrics = new LinkedHashMap<>();
        metrics.put("score", result.primary());
        result.secondary().forEach((name, metric) -> {
            if (!SKIPPED_UNITS.contains(metric.unit()) && !SKIPPED_METRICS.contains(name)) {
                metrics.put(name, metric);
            }
        });
        return metrics;
    }

    /**
     * The result with a metric as its primary, so that {@code compare}'s rule applies to it; its
     * direction is taken from the unit: a time is better smaller, P's lanes and ops/time bigger.
     */
    static JmhResult asPrimary(JmhResult result, JmhResult.Metric metric) {
        boolean biggerIsBetter = metric.unit().equals("lanes") || metric.unit().startsWith("ops/");
        String mode = metric == result.primary() ? result.mode() : biggerIsBetter ? "thrpt" : "avgt";
        return new JmhResult(
                result.benchmark(),
                mode,
                result.threads(),
                result.forks(),
                result.params(),
                metric,
                Map.of(),
                result.settings());
    }

    /** The baseline runs as one: every iteration score of them, the score their mean. */
    private static JmhResult pooled(List<Measurement> baseline) {
        List<List<Double>> raw = new ArrayList<>();
        baseline.forEach(m -> raw.addAll(m.result().primary().rawData()));
        double mean = raw.stream()
                .flatMap(List::stream)
                .filter(Double::isFinite)
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
        JmhResult last = baseline.get(baseline.size() - 1).result();
        JmhResult.Metric metric = last.primary();
        return new JmhResult(
                last.benchmark(),
                last.mode(),
                last.threads(),
                last.forks(),
                last.params(),
                new JmhResult.Metric(mean, Double.NaN, Double.NaN, Double.NaN, metric.unit(), raw),
                Map.of(),
                last.settings());
    }

    private static String chartName(JmhResult result, String metric) {
        String handler = result.param("handler");
        return result.shortName() + (handler == null ? "" : " " + handler) + " · " + metric;
    }

    private static String lineName(JmhResult result) {
        String line = new TreeMap<>(result.params())
                .entrySet().stream()
                        .filter(e ->
                                !e.getKey().equals("handler") && !e.getValue().isEmpty())
                        .map(e -> shortParam(e.getKey()) + "=" + e.getValue())
                        .collect(Collectors.joining(" "));
        return line.isEmpty() ? "(no parameters)" : line;
    }

    private static String shortParam(String param) {
        return switch (param) {
            case "concurrency" -> "N";
            case "delayMs" -> "D";
            case "eventLoops" -> "E";
            default -> param;
        };
    }

    /** history.json: the runs, every series with its points and verdicts, and what appears or vanishes. */
    public JsonObject toJson() {
        JsonArray runsJson = new JsonArray();
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            runsJson.add(run.metadata()
                    .toJson()
                    .put("index", i)
                    .put("source", run.source())
                    .put("metadataRecorded", run.metadataRecorded())
                    .put("commitUrl", run.metadata().commitUrl())
                    .put("cells", run.results().size()));
        }
        JsonArray seriesJson = new JsonArray();
        JsonArray changes = new JsonArray();
        for (Series s : series) {
            JsonArray points = new JsonArray();
            for (Point p : s.points()) {
                JsonObject point = new JsonObject()
                        .put("run", p.run())
                        .put("score", finite(p.score()))
                        .put("low", finite(p.low()))
                        .put("high", finite(p.high()))
                        .put("samples", p.samples())
                        .put("baselineRuns", p.baselineSize());
                if (p.verdict() != null) {
                    CellComparison v = p.verdict();
                    point.put("verdict", v.verdict().label())
                            .put("regression", v.regression())
                            .put("worsePercent", finite(v.worsePercent()))
                            .put("pValue", finite(v.pValue()));
                }
                points.add(point);
            }
            seriesJson.add(new JsonObject()
                    .put("chart", s.chart())
                    .put("line", s.line())
                    .put("metric", s.metric())
                    .put("unit", s.unit())
                    .put("better", s.lowerIsBetter() ? "smaller" : "bigger")
                    .put("points", points));
            presence(s, runs.size()).forEach(changes::add);
        }
        return new JsonObject()
                .put("baselineRuns", baselineRuns)
                .put(
                        "thresholds",
                        new JsonObject()
                                .put("failPercent", thresholds.failPercent())
                                .put("warnPercent", thresholds.warnPercent())
                                .put("alpha", thresholds.alpha()))
                .put("runs", runsJson)
                .put("series", seriesJson)
                .put("appearedOrVanished", changes)
                .put("regressions", regressions().size());
    }

    /** Where a series starts after the first run, stops before the last, or is missing in between. */
    static List<JsonObject> presence(Series s, int runCount) {
        List<JsonObject> changes = new ArrayList<>();
        if (!s.metric().equals("score")) {
            return changes; // the cell's primary says it for all its metrics
        }
        Set<Integer> present =
                s.points().stream().map(Point::run).collect(Collectors.toCollection(java.util.TreeSet::new));
        int first = s.points().get(0).run();
        int last = s.points().get(s.points().size() - 1).run();
        String cell = s.chart().substring(0, s.chart().lastIndexOf(" · ")) + " " + s.line();
        if (first > 0) {
            changes.add(new JsonObject().put("cell", cell).put("appears", first));
        }
        for (int run = first + 1; run < last; run++) {
            if (!present.contains(run)) {
                changes.add(new JsonObject().put("cell", cell).put("missing", run));
            }
        }
        if (last < runCount - 1) {
            changes.add(new JsonObject().put("cell", cell).put("vanishesAfter", last));
        }
        return changes;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
