package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.Chromium;
import dev.loopbench.benchmarks.LatencyLog;
import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import dev.loopbench.model.HandlerStyle;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html as a reader opens it: from file://, in headless Chromium, with every host name
 * resolving to nothing. The page's script writes what it drew into {@code <output id="drawn">},
 * read back from uPlot, which the tests hold against the cells of the fixture.
 */
@DisplayName("The run's index.html in a browser")
class RunReportBrowserTest {

    /** A real --quick run (2-core VM, 2026-12-03), trimmed to 8 cells, 7 of them with their latency log. */
    private static final String WITH_LOGS = "quick-run/results.json";

    private static final String WITHOUT_LOGS = "loopbench-default-run.json";

    @TempDir
    Path dir;

    @BeforeEach
    void needsChromium() {
        Chromium.require();
    }

    @Test
    @DisplayName("opens from file:// with no console error, a row per cell, and links to the static charts")
    void opensWithNoConsoleError() throws Exception {
        Path results = Fixtures.path(WITHOUT_LOGS);
        List<JmhResult> measured = reported(results);
        Path screenshot = Path.of("target", "screenshots", "index.png");
        Chromium page = Chromium.open(dir.resolve("index.html"), screenshot);
        assertEquals(List.of(), page.consoleErrors(), page.stderr());
        for (JmhResult result : measured) {
            assertTrue(page.dom().contains(result.param("handler")), "a row for " + result.label());
        }
        assertTrue(page.dom().contains("wave-time.png") && page.dom().contains("parallelism.svg"), page.dom());
        assertTrue(Files.size(screenshot) > 10_000);
    }

    @Test
    @DisplayName(
            "draws every cell of a run with logs in each chart, the model where there is one, with no console error")
    void chartsHoldTheCells() throws Exception {
        Path results = Fixtures.path(WITH_LOGS);
        List<JmhResult> measured = reported(results);
        Path screenshot = Path.of("target", "screenshots", "index-quick-run.png");
        Chromium page = Chromium.open(dir.resolve("index.html"), screenshot);
        String context = "cells " + labels(measured) + "\nconsole: " + page.consoleErrors();
        assertEquals(List.of(), page.consoleErrors(), page.stderr());
        assertEquals("true", attribute(page, "done"), "the script ran to its end: " + context);
        List<JmhResult> waves = WaveLines.of(measured).stream()
                .flatMap(line -> line.cells().stream())
                .toList();
        List<JmhResult> models = waves.stream()
                .filter(cell -> !ControlTimes.isControl(cell))
                .filter(cell -> ControlTimes.of(measured).model(cell) > 0)
                .toList();
        assertCounts(page, "wave", waves.size(), models.size(), context);
        List<JmhResult> withP = waves.stream()
                .filter(cell -> WaveLines.parallelism(cell, cell.primary().score()) > 0)
                .toList();
        assertCounts(page, "parallelism", withP.size(), withP.size(), context);
        long holdTheLoop = waves.stream()
                .filter(cell -> HandlerStyle.fromPath(cell.param("handler"))
                        .map(HandlerStyle::holdsTheEventLoop)
                        .orElse(false))
                .count();
        // p50 and p99 of each cell's bystanders, all 8 cells have them
        assertCounts(page, "lesson", 2 * waves.size(), holdTheLoop, context);
        long withLag = waves.stream()
                .filter(cell -> cell.secondaryScore(WaveProfiler.EVENT_LOOP_LAG_MAX) > 0)
                .count();
        assertCounts(page, "lag", withLag, 0, context);
        assertTrue(Files.size(screenshot) > 10_000, screenshot.toString());
    }

    @Test
    @DisplayName("filters and sorts the table from #filter=timer&sort=N&desc: the timer rows only, largest N first")
    void filtersAndSorts() throws Exception {
        Path results = Fixtures.path(WITH_LOGS);
        List<JmhResult> measured = reported(results);
        Chromium page = Chromium.dump(dir.resolve("index.html"), "filter=timer&sort=N&desc");
        List<JmhResult> ordered = Summary.ordered(measured);
        Predicate<Integer> timer = i -> ordered.get(i).param("handler").contains("timer");
        List<Integer> expected = new ArrayList<>(
                IntStream.range(0, ordered.size()).boxed().filter(timer).toList());
        expected.sort(Comparator.comparingInt(
                        (Integer i) -> Integer.parseInt(ordered.get(i).param("concurrency")))
                .reversed());
        JsonObject table = new JsonObject(attribute(page, "table"));
        String context = "rows " + labels(ordered) + ", the page's table: " + table;
        assertEquals(List.of(), page.consoleErrors(), page.stderr());
        assertEquals(expected.size(), table.getInteger("visible"), context);
        assertEquals(expected, table.getJsonArray("order").getList(), context);
        assertEquals(true, table.getBoolean("descending"), context);
    }

    @Test
    @DisplayName(
            "draws a cell's percentile spectrum from #cell=, with every point of its log, and a note for a cell without one")
    void drawsTheSpectrum() throws Exception {
        Path results = Fixtures.path(WITH_LOGS);
        List<JmhResult> measured = reported(results);
        JsonObject data = PageData.of(measured, CellLatencies.beside(results), dir.resolve("index.html"));
        JsonObject sleep = row(data, "event-loop-sleep-N16-D100-E2.hlog");
        int points = sleep.getJsonObject("spectra").getJsonArray("requests").size()
                + sleep.getJsonObject("spectra").getJsonArray("bystanders").size();

        Chromium withLog = Chromium.open(
                dir.resolve("index.html"),
                "cell=event-loop-sleep-N16-D100-E2.hlog",
                Path.of("target", "screenshots", "index-spectrum.png"));
        JsonObject drawn = new JsonObject(attribute(withLog, "spectrum"));
        assertEquals(List.of(), withLog.consoleErrors(), withLog.stderr());
        assertEquals(2, drawn.getInteger("series"), "requests and bystanders: " + drawn);
        assertEquals(points, drawn.getInteger("points"), "the embedded spectrum " + sleep + ", drawn " + drawn);
        assertEquals(
                points, new JsonObject(attribute(withLog, "spectrum-chart")).getInteger("measured"), "read from uPlot");

        Chromium withoutLog = Chromium.dump(dir.resolve("index.html"), "cell=virtual-thread-await-N1-D100-E2.hlog");
        assertEquals(List.of(), withoutLog.consoleErrors(), withoutLog.stderr());
        assertEquals(0, new JsonObject(attribute(withoutLog, "spectrum")).getInteger("points"), withoutLog.dom());
        assertTrue(withoutLog.dom().contains("no latency log beside the results"), withoutLog.dom());
    }

    @Test
    @DisplayName("works without any latency log: no spectrum, a note instead, the charts that need none still drawn")
    void withoutLogs() throws Exception {
        Path results = Fixtures.path(WITHOUT_LOGS);
        List<JmhResult> measured = reported(results);
        String first = LatencyLog.fileName(Summary.ordered(measured).get(0).params());
        Chromium page = Chromium.dump(dir.resolve("index.html"), "cell=" + first);
        String context = "cells " + labels(measured) + "\n" + page.dom();
        assertEquals(List.of(), page.consoleErrors(), page.stderr());
        assertTrue(
                page.dom().contains("No latency/*.hlog beside this run")
                        || page.dom().contains("no latency log"),
                context);
        assertEquals(0, new JsonObject(attribute(page, "spectrum")).getInteger("points"), context);
        int cells =
                WaveLines.of(measured).stream().mapToInt(l -> l.cells().size()).sum();
        assertEquals(cells, new JsonObject(attribute(page, "wave")).getInteger("measured"), context);
    }

    private static void assertCounts(Chromium page, String chart, long measured, long model, String context) {
        JsonObject drawn = new JsonObject(attribute(page, chart));
        assertEquals(
                measured,
                (long) drawn.getInteger("measured"),
                chart + ": measured points, drawn " + drawn + "; " + context);
        assertEquals(
                model, (long) drawn.getInteger("model"), chart + ": model points, drawn " + drawn + "; " + context);
    }

    /** A {@code data-*} attribute of {@code <output id="drawn">}, unescaped. */
    private static String attribute(Chromium page, String name) {
        Matcher output = Pattern.compile("<output id=\"drawn\"[^>]*>").matcher(page.dom());
        assertTrue(output.find(), "no <output id=\"drawn\"> in " + page.dom());
        Matcher value =
                Pattern.compile("data-" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(output.group());
        assertTrue(value.find(), "no data-" + name + " in " + output.group());
        return value.group(1)
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static JsonObject row(JsonObject data, String cell) {
        JsonArray rows = data.getJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            if (cell.equals(rows.getJsonObject(i).getString("cell"))) {
                return rows.getJsonObject(i);
            }
        }
        throw new AssertionError("no row " + cell + " in " + rows);
    }

    private static List<String> labels(List<JmhResult> results) {
        return results.stream().map(JmhResult::label).toList();
    }

    /** The results file's cells, with its report written to {@code dir} as the run writes it. */
    private List<JmhResult> reported(Path results) throws Exception {
        List<JmhResult> measured = JmhResults.read(results);
        RunReport.write(measured, results, dir);
        return measured;
    }
}
