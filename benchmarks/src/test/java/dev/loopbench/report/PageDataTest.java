package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import dev.loopbench.render.HandlerLooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The data index.html draws")
class PageDataTest {

    private static final Path WITH_LOGS = Fixtures.path("quick-run/results.json");

    @Test
    @DisplayName("holds one entry per cell in its lines and one per summary row, in the summary's order")
    void oneEntryPerCell() throws Exception {
        List<JmhResult> results = JmhResults.read(WITH_LOGS);
        JsonObject data = of(results);
        int cells = data.getJsonArray("lines").stream()
                .mapToInt(line -> ((JsonObject) line).getJsonArray("cells").size())
                .sum();
        String context = data.encodePrettily();
        assertEquals(results.size(), cells, context);
        assertEquals(Summary.rows(results).size() - 1, data.getJsonArray("rows").size(), context);
    }

    @Test
    @DisplayName(
            "takes every model value from WaveModel: ceil(N / E) x D for the bystanders of a handler that holds the loop,"
                    + " none for one that does not, and the summary's T0 + model and P")
    void modelFromWaveModel() throws Exception {
        List<JmhResult> results = JmhResults.read(WITH_LOGS);
        JsonObject data = of(results);
        ControlTimes controls = ControlTimes.of(results);
        for (JmhResult result : results) {
            JsonObject cell = cell(data, result);
            String context = result.label() + ": " + cell.encode();
            HandlerStyle style = HandlerStyle.fromPath(result.param("handler")).orElseThrow();
            int n = Integer.parseInt(result.param("concurrency"));
            double d = Double.parseDouble(result.param("delayMs"));
            if (style.holdsTheEventLoop()) {
                assertEquals(
                        WaveModel.bystanderWaitMillis(style, n, d, ServerShape.withDefaultPools(2)),
                        cell.getDouble("bystanderModelMs"),
                        1e-9,
                        context);
            } else {
                assertNull(cell.getDouble("bystanderModelMs"), context);
            }
            if (ControlTimes.isControl(result)) {
                assertNull(cell.getDouble("modelMs"), "a control is no model of itself: " + context);
            } else {
                assertEquals(controls.model(result), cell.getDouble("modelMs"), 1e-9, context);
                assertEquals(
                        WaveLines.parallelism(result, result.primary().score()), cell.getDouble("p"), 1e-9, context);
            }
        }
        JsonObject sleep16 = cell(data, result(results, "event-loop-sleep", "16", "100"));
        assertEquals(800, sleep16.getDouble("bystanderModelMs"), 1e-9, "ceil(16 / 2) x 100: " + sleep16);
    }

    @Test
    @DisplayName(
            "gives each handler its colour from HandlerLooks and its name, and the zero-delay control grey, named a control")
    void colours() throws Exception {
        JsonObject data = of(JmhResults.read(WITH_LOGS));
        for (Object entry : data.getJsonArray("lines")) {
            JsonObject line = (JsonObject) entry;
            String context = line.encode();
            if (line.getBoolean("control")) {
                assertEquals(PageData.CONTROL_COLOUR, line.getString("colour"), context);
                assertTrue(line.getString("name").contains("control"), context);
            } else {
                HandlerStyle style =
                        HandlerStyle.fromPath(line.getString("handler")).orElseThrow();
                assertEquals(HandlerLooks.of(style).colour(), line.getString("colour"), context);
            }
        }
        assertTrue(
                data.getJsonArray("lines").stream().anyMatch(line -> ((JsonObject) line).getBoolean("control")),
                "the fixture has a control: " + data.encode());
    }

    @Test
    @DisplayName(
            "links each row to its latency log and holds its spectrum, ascending in percentile and latency, where there is a log")
    void logsAndSpectra() throws Exception {
        List<JmhResult> results = JmhResults.read(WITH_LOGS);
        JsonObject data = of(results);
        List<JmhResult> ordered = Summary.ordered(results);
        for (int i = 0; i < ordered.size(); i++) {
            JsonObject row = data.getJsonArray("rows").getJsonObject(i);
            String context = ordered.get(i).label() + ": " + row.encode();
            if (ordered.get(i).param("handler").equals("virtual-thread-await")) { // the fixture's cell without a log
                assertNull(row.getString("log"), context);
                assertNull(row.getJsonObject("spectra"), context);
                continue;
            }
            assertEquals("quick-run/latency/" + row.getString("cell"), row.getString("log"), context);
            JsonArray spectrum = row.getJsonObject("spectra").getJsonArray("requests");
            assertTrue(spectrum.size() > 5, context);
            for (int p = 1; p < spectrum.size(); p++) {
                JsonArray before = spectrum.getJsonArray(p - 1);
                JsonArray point = spectrum.getJsonArray(p);
                assertTrue(point.getDouble(0) > before.getDouble(0), "percentile ascending at " + p + ": " + context);
                assertTrue(
                        point.getDouble(1) >= before.getDouble(1), "latency non-decreasing at " + p + ": " + context);
                assertTrue(point.getDouble(0) < 100, "no 100% point, 1/(1-q) is infinite there: " + context);
            }
        }
    }

    @Test
    @DisplayName("without latency logs has no links and no spectra")
    void withoutLogs() throws Exception {
        Path results = Fixtures.path("loopbench-default-run.json");
        JsonObject data = PageData.of(
                JmhResults.read(results),
                CellLatencies.beside(results),
                results.getParent().resolve("index.html"));
        for (Object row : data.getJsonArray("rows")) {
            assertFalse(((JsonObject) row).containsKey("log"), data.encode());
            assertFalse(((JsonObject) row).containsKey("spectra"), data.encode());
        }
    }

    /** As if index.html were written in the fixtures folder, one above the run's own. */
    private static JsonObject of(List<JmhResult> results) {
        return PageData.of(
                results,
                CellLatencies.beside(WITH_LOGS),
                WITH_LOGS.getParent().getParent().resolve("index.html"));
    }

    private static JsonObject cell(JsonObject data, JmhResult result) {
        for (Object entry : data.getJsonArray("lines")) {
            JsonObject line = (JsonObject) entry;
            if (!line.getString("handler").equals(result.param("handler"))) {
                continue;
            }
            for (Object c : line.getJsonArray("cells")) {
                JsonObject cell = (JsonObject) c;
                if (cell.getDouble("n") == Double.parseDouble(result.param("concurrency"))
                        && (ControlTimes.isControl(result) == line.getBoolean("control"))) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell for " + result.label() + " in " + data.encodePrettily());
    }

    private static JmhResult result(List<JmhResult> results, String handler, String n, String d) {
        return results.stream()
                .filter(r -> r.param("handler").equals(handler)
                        && r.param("concurrency").equals(n)
                        && r.param("delayMs").equals(d))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + handler + " N=" + n + " D=" + d));
    }
}
