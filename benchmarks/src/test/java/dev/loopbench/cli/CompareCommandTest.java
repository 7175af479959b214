package dev.loopbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.Fixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("compare")
class CompareCommandTest {

    private static final String DEFAULT_RUN = "loopbench-default-run.json";

    @TempDir
    Path dir;

    record Outcome(int exitCode, String out, String err) {}

    @Test
    @DisplayName("finds identical files the same in every cell and exits 0")
    void identicalFiles() throws Exception {
        Path base = Fixtures.path(DEFAULT_RUN);
        Outcome outcome = compare(base.toString(), base.toString());
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(5, countVerdict(outcome.out(), "same"), outcome.out());
        assertTrue(outcome.out().contains("no significant regression beyond 7.5%"), outcome.out());
    }

    @Test
    @DisplayName("matches a run of an older benchmark without a parameter the newer one added, and says so")
    void parameterOnlyInTheCandidate() throws Exception {
        Path newer = rewrite(DEFAULT_RUN, "newer.json", entry -> entry.getJsonObject("params")
                .put("bystander", "health"));
        Outcome outcome = compare(Fixtures.path(DEFAULT_RUN).toString(), newer.toString());
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(5, countVerdict(outcome.out(), "same"), outcome.out());
        assertTrue(outcome.out().contains("parameter bystander exists in only one of the runs"), outcome.toString());
    }

    @Test
    @DisplayName("compares a run from before -p client as the core client's, and a Web Client cell with none of them")
    void runsWithoutTheClientParameterAreCore() throws Exception {
        Path core = rewrite(
                DEFAULT_RUN, "core.json", entry -> entry.getJsonObject("params").put("client", "core"));
        Outcome outcome = compare(Fixtures.path(DEFAULT_RUN).toString(), core.toString());
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(5, countVerdict(outcome.out(), "same"), outcome.out());
        assertFalse(outcome.out().contains("parameter client"), "client=core is the old runs' value: " + outcome);

        Path web = rewrite(
                DEFAULT_RUN, "web.json", entry -> entry.getJsonObject("params").put("client", "web"));
        Outcome unmatched = compare(Fixtures.path(DEFAULT_RUN).toString(), web.toString());
        assertEquals(2, unmatched.exitCode(), "no cell of client=web is a cell of the old run: " + unmatched);
    }

    @Test
    @DisplayName("fails with exit 1 naming the one cell whose raw data was slowed down by 30%")
    void thirtyPercentSlowdownFails() throws Exception {
        Path candidate = variant(DEFAULT_RUN, "slower.json", "event-loop-sleep", "4", 1.30);
        Outcome outcome = compare(Fixtures.path(DEFAULT_RUN).toString(), candidate.toString());
        assertEquals(1, outcome.exitCode(), outcome.toString());
        assertTrue(
                outcome.out()
                        .contains("REGRESSION: 1 cell significantly worse by more than 7.5%: event-loop-sleep N=4"),
                outcome.out());
        assertEquals(4, countVerdict(outcome.out(), "same"), outcome.out());
    }

    @Test
    @DisplayName("calls a 6% shift inside the noise of a noisy cell noise, and exits 0")
    void shiftInsideTheNoiseIsNoise() throws Exception {
        // timer N=1000 varies by tens of percent between iterations in this run
        Path candidate = variant(DEFAULT_RUN, "shifted.json", "timer", "1000", 1.06);
        Outcome outcome = compare(Fixtures.path(DEFAULT_RUN).toString(), candidate.toString());
        assertEquals(0, outcome.exitCode(), outcome.toString());
        String row = row(outcome.out(), "timer N=1000");
        assertTrue(row.contains("+6.0%") && row.endsWith("noise"), row);
    }

    @Test
    @DisplayName("sees a throughput drop as a regression and a rise as an improvement")
    void throughputDirection() throws Exception {
        String fixture = "loopbench-throughput.json";
        Path dropped = variant(fixture, "dropped.json", "event-loop-sleep", "8", 0.70);
        Outcome drop = compare(Fixtures.path(fixture).toString(), dropped.toString());
        assertEquals(1, drop.exitCode(), drop.toString());
        assertTrue(row(drop.out(), "event-loop-sleep N=8").contains("-30.0%"), drop.out());
        assertTrue(drop.out().contains("REGRESSION"), drop.out());

        Path risen = variant(fixture, "risen.json", "event-loop-sleep", "8", 1.30);
        Outcome rise = compare(Fixtures.path(fixture).toString(), risen.toString());
        assertEquals(0, rise.exitCode(), rise.toString());
        assertTrue(row(rise.out(), "event-loop-sleep N=8").endsWith("faster"), rise.out());
    }

    @Test
    @DisplayName("reads rawDataHistogram (sample mode) and finds an identical file the same")
    void histogramFiles() throws Exception {
        Path file = Fixtures.path("loopbench-sample-histogram.json");
        Outcome outcome = compare(file.toString(), file.toString());
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(2, countVerdict(outcome.out(), "same"), outcome.out());
    }

    @Test
    @DisplayName(
            "reads a histogram as one sample per iteration: a 30% slowdown of one cell fails, a 2% one is the same")
    void shiftedHistograms() throws Exception {
        String fixture = "loopbench-sample-histogram.json";
        Outcome slower = compare(
                Fixtures.path(fixture).toString(),
                histogramVariant(fixture, "slow.json", 1.30).toString());
        assertEquals(1, slower.exitCode(), slower.toString());
        assertTrue(row(slower.out(), "event-loop-sleep").contains("+30.0%"), slower.out());
        Outcome tiny = compare(
                Fixtures.path(fixture).toString(),
                histogramVariant(fixture, "tiny.json", 1.02).toString());
        assertEquals(0, tiny.exitCode(), tiny.toString());
        assertTrue(row(tiny.out(), "event-loop-sleep").endsWith("same"), tiny.out());
    }

    @Test
    @DisplayName("warns when cells of the base have no result in the candidate")
    void warnsAboutCellsMissingFromTheCandidate() throws Exception {
        JsonArray entries = new JsonArray(Files.readString(Fixtures.path(DEFAULT_RUN)));
        entries.remove(0);
        Path candidate = dir.resolve("fewer.json");
        Files.writeString(candidate, entries.encodePrettily());
        Outcome outcome = compare(Fixtures.path(DEFAULT_RUN).toString(), candidate.toString());
        assertTrue(
                outcome.out().contains("WARNING: 1 cell of the base have no result in the candidate"), outcome.out());
    }

    @Test
    @DisplayName("says so when a cell has fewer than two iterations instead of guessing")
    void tooFewSamples() throws Exception {
        Path base = single(DEFAULT_RUN, "one-base.json", 1.0);
        Path candidate = single(DEFAULT_RUN, "one-candidate.json", 1.5);
        Outcome outcome = compare(base.toString(), candidate.toString());
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertEquals(5, countVerdict(outcome.out(), "too few samples"), outcome.out());
        assertTrue(outcome.out().contains("cannot be judged"), outcome.out());
    }

    @Test
    @DisplayName("warns when the runs are not comparable and lists cells found in one file only")
    void warnsAndListsUnmatchedCells() throws Exception {
        JsonArray entries = new JsonArray(Files.readString(Fixtures.path(DEFAULT_RUN)));
        JsonObject changed = entries.getJsonObject(0);
        changed.put("jdkVersion", "17.0.15");
        changed.getJsonObject("params").put("concurrency", "5");
        Path candidate = dir.resolve("other.json");
        Files.writeString(candidate, entries.encodePrettily());
        Outcome outcome = compare(Fixtures.path(DEFAULT_RUN).toString(), candidate.toString());
        assertTrue(
                outcome.out().contains("WARNING: the runs differ in JDK: base 25.0.3; candidate 17.0.15, 25.0.3"),
                outcome.out());
        assertTrue(
                outcome.out().contains("only in base: ConcurrentRequestsBenchmark.wave (concurrency=4"), outcome.out());
        assertTrue(
                outcome.out().contains("only in candidate: ConcurrentRequestsBenchmark.wave (concurrency=5"),
                outcome.out());
    }

    @Test
    @DisplayName("writes Markdown for a CI step summary and JSON for tools")
    void otherFormats() throws Exception {
        Path base = Fixtures.path(DEFAULT_RUN);
        Path candidate = variant(DEFAULT_RUN, "slower.json", "event-loop-sleep", "4", 1.30);
        Outcome markdown = compare(base.toString(), candidate.toString(), "--format", "markdown");
        assertTrue(markdown.out().startsWith("### loopbench: benchmark comparison"), markdown.out());
        assertTrue(markdown.out().contains("| cell | base | candidate | change |"), markdown.out());
        assertTrue(markdown.out().contains("**SLOWER, beyond the fail threshold**"), markdown.out());

        Outcome json = compare(base.toString(), candidate.toString(), "--format", "json");
        JsonObject parsed = new JsonObject(json.out());
        assertEquals(1, parsed.getInteger("regressions"), json.out());
        assertEquals(1, parsed.getInteger("exitCode"), json.out());
        assertEquals(5, parsed.getJsonArray("cells").size(), json.out());
    }

    @Test
    @DisplayName("draws the change chart with confidence intervals when asked")
    void chart() throws Exception {
        Path candidate = variant(DEFAULT_RUN, "slower.json", "event-loop-sleep", "4", 1.30);
        Path charts = dir.resolve("charts");
        compare(Fixtures.path(DEFAULT_RUN).toString(), candidate.toString(), "--chart", charts.toString());
        for (String file : new String[] {"change.png", "change.svg", "compare.html"}) {
            assertTrue(Files.size(charts.resolve(file)) > 2_000, file + " should exist and not be empty");
        }
    }

    @ParameterizedTest(name = "{0}: exit 2 and one line")
    @CsvSource(
            delimiter = '|',
            value = {
                "a missing file       | missing.json    | no such file",
                "a file not JSON      | garbage.json    | not valid JSON",
                "a JSON file not JMH  | object.json     | not JMH results",
                "files with nothing in common | disjoint.json | nothing in common",
            })
    void unusableInput(String what, String name, String expected) throws Exception {
        Files.writeString(dir.resolve("garbage.json"), "<html>oops</html>");
        Files.writeString(dir.resolve("object.json"), "{\"results\": []}");
        JsonArray disjoint = new JsonArray(Files.readString(Fixtures.path(DEFAULT_RUN)));
        disjoint.forEach(entry -> ((JsonObject) entry).put("benchmark", "other.Benchmark.run"));
        Files.writeString(dir.resolve("disjoint.json"), disjoint.encode());

        Outcome outcome =
                compare(Fixtures.path(DEFAULT_RUN).toString(), dir.resolve(name).toString());
        assertEquals(2, outcome.exitCode(), what + ": " + outcome);
        assertEquals(1, outcome.err().lines().count(), "one line: " + outcome);
        assertTrue(outcome.err().contains(expected), what + ": " + outcome);
        assertFalse(outcome.err().contains("\tat "), "no stack trace: " + outcome);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--fail-threshold abc            | Invalid value for option '--fail-threshold': takes a number",
                "--fail-threshold -5             | --fail-threshold is a percentage above 0",
                "--warn-threshold 20             | must not be above --fail-threshold",
                "--alpha 2                       | --alpha is a significance level",
                "--format html                   | --format is text, markdown or json",
            })
    void badOptions(String option, String expected) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                Fixtures.path(DEFAULT_RUN).toString(),
                Fixtures.path(DEFAULT_RUN).toString()));
        args.addAll(List.of(option.split(" ")));
        Outcome outcome = compare(args.toArray(String[]::new));
        assertEquals(2, outcome.exitCode(), option + ": " + outcome);
        assertTrue(outcome.err().contains(expected), option + ": " + outcome);
    }

    @Test
    @DisplayName("takes --fail-threshold: a 30% slowdown passes a 50% gate")
    void failThreshold() throws Exception {
        Path candidate = variant(DEFAULT_RUN, "slower.json", "event-loop-sleep", "4", 1.30);
        Outcome outcome =
                compare(Fixtures.path(DEFAULT_RUN).toString(), candidate.toString(), "--fail-threshold", "50");
        assertEquals(0, outcome.exitCode(), outcome.toString());
        assertTrue(row(outcome.out(), "event-loop-sleep N=4").endsWith("slower"), outcome.out());
    }

    private Outcome compare(String... args) {
        List<String> command = new ArrayList<>(List.of("compare"));
        command.addAll(List.of(args));
        Invocation invocation = Invocation.run(dir, command.toArray(String[]::new));
        return new Outcome(invocation.exitCode(), invocation.out(), invocation.err());
    }

    /** The fixture with one cell's score and raw iterations multiplied by {@code factor}. */
    private Path variant(String fixture, String name, String handler, String concurrency, double factor)
            throws Exception {
        AtomicBoolean found = new AtomicBoolean();
        Path file = rewrite(fixture, name, entry -> {
            JsonObject params = entry.getJsonObject("params");
            if (handler.equals(params.getString("handler")) && concurrency.equals(params.getString("concurrency"))) {
                scale(entry.getJsonObject("primaryMetric"), factor);
                found.set(true);
            }
        });
        assertTrue(found.get(), "no cell " + handler + " N=" + concurrency + " in " + fixture);
        return file;
    }

    /** The fixture with only the first iteration of every cell left, scaled. */
    private Path single(String fixture, String name, double factor) throws Exception {
        return rewrite(fixture, name, entry -> {
            JsonObject metric = entry.getJsonObject("primaryMetric");
            double first = metric.getJsonArray("rawData").getJsonArray(0).getDouble(0);
            metric.put("rawData", new JsonArray().add(new JsonArray().add(first)));
            metric.put("score", first);
            scale(metric, factor);
        });
    }

    /** The sample-mode fixture with event-loop sleep's histograms scaled by {@code factor}. */
    private Path histogramVariant(String fixture, String name, double factor) throws Exception {
        return rewrite(fixture, name, entry -> {
            if (!"event-loop-sleep".equals(entry.getJsonObject("params").getString("handler"))) {
                return;
            }
            JsonObject metric = entry.getJsonObject("primaryMetric");
            metric.put("score", metric.getDouble("score") * factor);
            for (Object fork : metric.getJsonArray("rawDataHistogram")) {
                for (Object iteration : (JsonArray) fork) {
                    for (Object bucket : (JsonArray) iteration) {
                        JsonArray valueAndCount = (JsonArray) bucket;
                        valueAndCount.set(0, valueAndCount.getDouble(0) * factor);
                    }
                }
            }
        });
    }

    /** A copy of a fixture in the test's folder, every entry changed by {@code change}. */
    private Path rewrite(String fixture, String name, Consumer<JsonObject> change) throws Exception {
        JsonArray entries = new JsonArray(Files.readString(Fixtures.path(fixture)));
        entries.forEach(entry -> change.accept((JsonObject) entry));
        Path file = dir.resolve(name);
        Files.writeString(file, entries.encodePrettily());
        return file;
    }

    private static void scale(JsonObject metric, double factor) {
        metric.put("score", metric.getDouble("score") * factor);
        JsonArray forks = new JsonArray();
        for (Object fork : metric.getJsonArray("rawData")) {
            JsonArray scaled = new JsonArray();
            ((JsonArray) fork).forEach(iteration -> scaled.add(((Number) iteration).doubleValue() * factor));
            forks.add(scaled);
        }
        metric.put("rawData", forks);
    }

    private static long countVerdict(String out, String verdict) {
        return out.lines().filter(line -> line.endsWith("  " + verdict)).count();
    }

    private static String row(String out, String label) {
        return out.lines()
                .filter(line -> line.startsWith(label + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + label + " in:\n" + out))
                .stripTrailing();
    }
}
