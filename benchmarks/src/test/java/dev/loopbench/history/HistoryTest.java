package dev.loopbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.compare.Comparison;
import dev.loopbench.jmh.JmhResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Made-up runs: a steady cell, one slowdown, a drop in P, cells that appear and vanish. */
class HistoryTest {

    private static final JmhResult.RunSettings SETTINGS =
            new JmhResult.RunSettings("21", "OpenJDK", "21", List.of(), 1, "1 s", 5, "1 s");

    @Test
    void onlyTheSlowdownIsMarkedAgainstTheTrailingBaseline() {
        List<History.Run> runs = new ArrayList<>();
        double[] timer = {100, 101, 99.5, 100.5, 130, 100};
        for (int i = 0; i < timer.length; i++) {
            runs.add(run(i, List.of(result("timer", "16", timer[i], 4.0))));
        }
        List<History.Run> shuffled = new ArrayList<>(runs);
        java.util.Collections.reverse(shuffled); // any order in
        History history = History.of(shuffled, 3, Comparison.Thresholds.DEFAULT);
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4", "r5"), runs(history));
        History.Series wave = series(history, "score");
        assertNull(wave.points().get(0).verdict(), "the first run has no baseline");
        assertEquals(List.of(4), regressionRuns(wave));
        assertEquals(1, history.regressions().size(), "only the slowdown: " + history.regressions());
        // after the slowdown the baseline holds it, and a return to 100 is no regression
        assertFalse(wave.points().get(5).regression());
        assertEquals(3, wave.points().get(5).baselineSize());
        assertTrue(wave.lowerIsBetter());
    }

    @Test
    void directionComesFromTheUnitFewerLanesAreWorse() {
        List<History.Run> runs = new ArrayList<>();
        double[] lanes = {16, 16.1, 15.9, 16, 8, 32};
        for (int i = 0; i < lanes.length; i++) {
            runs.add(run(i, List.of(result("timer", "16", 100, lanes[i]))));
        }
        History history = History.of(runs, 2, Comparison.Thresholds.DEFAULT);
        History.Series p = series(history, "effectiveParallelism");
        assertFalse(p.lowerIsBetter());
        assertEquals(List.of(4), regressionRuns(p), "the drop to 8 lanes, not the rise to 32");
        assertEquals(
                "bigger",
                history.toJson().getJsonArray("series").stream()
                        .map(JsonObject.class::cast)
                        .filter(s -> s.getString("metric").equals("effectiveParallelism"))
                        .findFirst()
                        .orElseThrow()
                        .getString("better"));
    }

    @Test
    void cellsThatAppearOrVanishAreListed() {
        List<History.Run> runs = List.of(
                run(0, List.of(result("timer", "1", 100, 1))),
                run(1, List.of(result("timer", "1", 100, 1), result("timer", "16", 100, 16))),
                run(2, List.of(result("timer", "16", 100, 16))),
                run(3, List.of(result("timer", "1", 100, 1), result("timer", "16", 100, 16))));
        JsonArray changes =
                History.of(runs, 3, Comparison.Thresholds.DEFAULT).toJson().getJsonArray("appearedOrVanished");
        List<String> said = changes.stream().map(Object::toString).toList();
        assertEquals(2, said.size(), said.toString());
        assertTrue(said.get(0).contains("\"missing\":2") && said.get(0).contains("N=1"), said.toString());
        assertTrue(said.get(1).contains("\"appears\":1") && said.get(1).contains("N=16"), said.toString());
    }

    @Test
    void theJsonHoldsEveryPointWithItsInterval() {
        List<History.Run> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            runs.add(run(i, List.of(result("timer", "16", 100 + i, 16), result("event-loop-sleep", "16", 1600, 1))));
        }
        JsonObject json = History.of(runs, 3, Comparison.Thresholds.DEFAULT).toJson();
        assertEquals(5, json.getJsonArray("runs").size());
        int points = json.getJsonArray("series").stream()
                .map(JsonObject.class::cast)
                .mapToInt(s -> s.getJsonArray("points").size())
                .sum();
        assertEquals(5 * 2 * 2, points, "5 runs x 2 cells x (score, P)");
        JsonObject first = json.getJsonArray("series").getJsonObject(0);
        assertEquals("ConcurrentRequestsBenchmark.wave event-loop-sleep · score", first.getString("chart"));
        assertEquals("N=16 D=100 E=2", first.getString("line"));
        JsonObject point = first.getJsonArray("points").getJsonObject(0);
        assertTrue(point.getDouble("low") < point.getDouble("score")
                && point.getDouble("score") < point.getDouble("high"));
        assertEquals(
                "2026-12-0" + 1 + "T10:00:00Z",
                json.getJsonArray("runs").getJsonObject(0).getString("time"));
    }

    private static List<String> runs(History history) {
        return history.runs().stream().map(History.Run::source).toList();
    }

    private static History.Series series(History history, String metric) {
        return history.series().stream()
                .filter(s -> s.metric().equals(metric))
                .findFirst()
                .orElseThrow();
    }

    private static List<Integer> regressionRuns(History.Series series) {
        return series.points().stream()
                .filter(History.Point::regression)
                .map(History.Point::run)
                .toList();
    }

    static History.Run run(int day, List<JmhResult> results) {
        RunMetadata metadata = new RunMetadata(
                Instant.parse("2026-12-01T10:00:00Z").plusSeconds(86_400L * day),
                "%040d".formatted(day),
                false,
                "https://github.com/someone/loopbench",
                2,
                8L << 30,
                "21",
                "Linux");
        return new History.Run("r" + day, metadata, true, results);
    }

    /** A cell whose five iteration scores spread 1% around {@code score}, as a quiet machine gives. */
    static JmhResult result(String handler, String concurrency, double score, double lanes) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("concurrency", concurrency);
        params.put("delayMs", "100");
        params.put("eventLoops", "2");
        params.put("handler", handler);
        params.put("target", "");
        return new JmhResult(
                "dev.loopbench.benchmarks.ConcurrentRequestsBenchmark.wave",
                "avgt",
                1,
                1,
                params,
                metric(score, "ms/op"),
                Map.of("effectiveParallelism", metric(lanes, "lanes"), "requests", metric(99, "#")),
                SETTINGS);
    }

    private static JmhResult.Metric metric(double score, String unit) {
        List<Double> samples = List.of(score * 0.99, score * 1.005, score, score * 0.995, score * 1.01);
        return new JmhResult.Metric(score, score * 0.02, score * 0.98, score * 1.02, unit, List.of(samples));
    }
}
