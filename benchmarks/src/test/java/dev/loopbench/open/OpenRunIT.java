package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("An open run")
class OpenRunIT {

    /**
     * event-loop-sleep with E = 2 and D = 20 ms has lambda_max = 100/s: 50/s is below it, 150/s
     * beyond; timer has no knee. One second a cell, no warm-up: about 6 s in all.
     */
    @Test
    @DisplayName("prints a row per cell and writes open.json, an .hlog per cell and two charts per handler")
    void writesItsResults(@TempDir Path results) throws Exception {
        OpenOptions options = new OpenOptions(
                List.of("event-loop-sleep", "timer"), List.of(150.0, 50.0), 1, 20, Optional.empty(), false, 0, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path directory = results.resolve("2026-11-21T10-00-00-open");
        int exit = OpenRun.run(
                options,
                directory,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        String context = "exit " + exit + "\nstdout:\n" + printed + "\nstderr:\n" + err;
        assertEquals(0, exit, context);
        assertTrue(printed.contains("lambda_max"), context);
        assertEquals(
                4,
                printed.lines()
                        .filter(line -> line.matches("^(event-loop-sleep|timer) .*"))
                        .count(),
                context);

        JsonObject json = new JsonObject(Files.readString(directory.resolve("open.json")));
        JsonArray cells = json.getJsonArray("cells");
        assertEquals(4, cells.size(), context);
        JsonObject slowAtHalf = cells.getJsonObject(0);
        assertEquals("event-loop-sleep", slowAtHalf.getString("handler"), json.encodePrettily());
        assertEquals(50.0, slowAtHalf.getDouble("offeredRate"), json.encodePrettily());
        assertEquals(100.0, slowAtHalf.getDouble("lambdaMax"), json.encodePrettily());
        assertEquals("no", slowAtHalf.getString("beyondLambdaMax"), json.encodePrettily());
        assertEquals("yes", cells.getJsonObject(1).getString("beyondLambdaMax"), json.encodePrettily());
        assertEquals("unbounded", cells.getJsonObject(2).getString("lambdaMax"), json.encodePrettily());
        assertEquals("constant", json.getJsonObject("settings").getString("arrivals"), json.encodePrettily());

        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.getJsonObject(i);
            Path hlog = directory.resolve(cell.getString("hlog"));
            assertEquals(
                    cell.getLong("requests"),
                    totalCount(hlog),
                    "every measured request in " + hlog + ": " + cell.encodePrettily());
        }
        for (String chart :
                List.of("open-event-loop-sleep", "spectrum-event-loop-sleep", "open-timer", "spectrum-timer")) {
            assertTrue(Files.size(directory.resolve(chart + ".png")) > 10_000, chart + ".png: " + context);
            assertTrue(Files.exists(directory.resolve(chart + ".svg")), chart + ".svg: " + context);
        }
    }

    private static long totalCount(Path hlog) throws Exception {
        Histogram total = new Histogram(3);
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            for (EncodableHistogram interval = reader.nextIntervalHistogram();
                    interval != null;
                    interval = reader.nextIntervalHistogram()) {
                total.add((Histogram) interval);
            }
        }
        return total.getTotalCount();
    }
}
