package dev.loopbench.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real run of this suite: 5 cells, each with the profiler's secondary metrics. */
@DisplayName("The dashboard exports")
class DashboardExportsTest {

    private static final String SLEEP_64 =
            "ConcurrentRequestsBenchmark.wave handler=event-loop-sleep,concurrency=64,delayMs=100,eventLoops=2";

    @TempDir
    Path dir;

    private List<JmhResult> results;

    @BeforeEach
    void read() throws Exception {
        results = JmhResults.read(Fixtures.path("loopbench-default-run.json"));
        DashboardExports.write(results, dir);
    }

    @Test
    @DisplayName("bmf.json names every cell with its parameters, with wave time, p99 and P and JMH's interval")
    void bencherMetricFormat() throws Exception {
        JsonObject bmf = new JsonObject(Files.readString(dir.resolve(DashboardExports.BENCHER)));
        assertEquals(results.size(), bmf.size(), "one benchmark per cell: " + bmf.fieldNames());
        JsonObject sleep = bmf.getJsonObject(SLEEP_64);
        assertTrue(sleep != null, "no " + SLEEP_64 + " in " + bmf.fieldNames());

        JmhResult cell = cell("event-loop-sleep", "64");
        JsonObject wave = sleep.getJsonObject("wave-time");
        assertEquals(cell.primary().score(), wave.getDouble("value"), wave.encode());
        assertEquals(cell.primary().lowerBound(), wave.getDouble("lower_value"), wave.encode());
        assertEquals(cell.primary().upperBound(), wave.getDouble("upper_value"), wave.encode());
        assertTrue(wave.getDouble("lower_value") < wave.getDouble("value"), wave.encode());

        JsonObject p99 = sleep.getJsonObject("latency-p99");
        assertEquals(cell.secondaryScore("latencyP99"), p99.getDouble("value"), p99.encode());

        JsonObject lanes = sleep.getJsonObject("effective-parallelism");
        assertEquals(64 * 100 / cell.primary().score(), lanes.getDouble("value"), 1e-9, lanes.encode());
        assertTrue(
                lanes.getDouble("lower_value") < lanes.getDouble("value")
                        && lanes.getDouble("value") < lanes.getDouble("upper_value"),
                "the slower end of the wave time is the lower end of P: " + lanes.encode());
        assertFalse(bmf.encode().contains("target="), "an empty target is no parameter: " + bmf.fieldNames());
    }

    @Test
    @DisplayName("bmf.json clamps a lower bound below zero at zero, as Bencher's own JMH adapter does")
    void bencherLowerBoundNeverNegative() throws Exception {
        JsonArray run = new JsonArray(Files.readString(Fixtures.path("loopbench-default-run.json")));
        JsonObject first = run.getJsonObject(0);
        JsonObject primary = first.getJsonObject("primaryMetric");
        double score = primary.getDouble("score");
        primary.put("scoreConfidence", new JsonArray().add(-score).add(3 * score));
        Path wide = dir.resolve("wide.json");
        Files.writeString(wide, new JsonArray().add(first).encode());
        Path out = Files.createDirectories(dir.resolve("wide"));

        DashboardExports.write(JmhResults.read(wide), out);

        JsonObject bmf = new JsonObject(Files.readString(out.resolve(DashboardExports.BENCHER)));
        JsonObject wave = bmf.getJsonObject(bmf.fieldNames().iterator().next()).getJsonObject("wave-time");
        assertEquals(
                0.0,
                wave.getDouble("lower_value"),
                "interval " + primary.getJsonArray("scoreConfidence") + ": " + wave.encode());
        assertEquals(3 * score, wave.getDouble("upper_value"), wave.encode());
    }

    @Test
    @DisplayName("github-action-benchmark gets the wave times (smaller is better) and P (bigger) in a file each")
    void githubActionBenchmark() throws Exception {
        JsonArray waves = new JsonArray(Files.readString(dir.resolve(DashboardExports.WAVE_TIMES)));
        assertEquals(results.size(), waves.size(), waves.encodePrettily());
        JsonObject sleep = entry(waves, SLEEP_64);
        JmhResult cell = cell("event-loop-sleep", "64");
        assertEquals("ms/op", sleep.getString("unit"), sleep.encode());
        assertEquals(cell.primary().score(), sleep.getDouble("value"), sleep.encode());
        assertTrue(sleep.getString("range").startsWith("± "), sleep.encode());
        assertTrue(sleep.getString("extra").startsWith("model 3200 ms; p99 "), sleep.encode());

        JsonArray lanes = new JsonArray(Files.readString(dir.resolve(DashboardExports.PARALLELISM)));
        assertEquals(results.size(), lanes.size(), lanes.encodePrettily());
        JsonObject sleepLanes = entry(lanes, SLEEP_64);
        assertEquals("lanes", sleepLanes.getString("unit"), sleepLanes.encode());
        assertEquals(2.0, sleepLanes.getDouble("value"), 0.05, "event-loop sleep on E = 2: " + sleepLanes.encode());
    }

    private JmhResult cell(String handler, String concurrency) {
        return results.stream()
                .filter(r -> r.param("handler").equals(handler)
                        && r.param("concurrency").equals(concurrency))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + handler + " N=" + concurrency + " in the fixture"));
    }

    private static JsonObject entry(JsonArray entries, String name) {
        return entries.stream()
                .map(JsonObject.class::cast)
                .filter(entry -> entry.getString("name").equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + name + " in " + entries.encodePrettily()));
    }
}
