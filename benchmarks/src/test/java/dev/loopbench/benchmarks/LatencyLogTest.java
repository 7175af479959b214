package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A cell's latency log")
class LatencyLogTest {

    @Test
    @DisplayName("is named for the cell like the summary names it: handler, N, D, E")
    void fileName() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("target", "");
        params.put("eventLoops", "2");
        params.put("delayMs", "100");
        params.put("handler", "timer");
        params.put("concurrency", "1000");
        params.put("bystander", "health");
        assertEquals("timer-N1000-D100-E2.hlog", LatencyLog.fileName(params), "the default bystander says nothing");
        params.put("bystander", "none");
        assertEquals("timer-N1000-D100-E2-bystander=none.hlog", LatencyLog.fileName(params));
    }

    @Test
    @DisplayName("holds every interval of every fork, readable by HdrHistogram's own log reader")
    void readableByHdrHistogram(@TempDir Path directory) throws Exception {
        Map<String, String> params = Map.of("handler", "timer", "concurrency", "4", "delayMs", "1", "eventLoops", "1");
        for (int fork = 0; fork < 2; fork++) {
            try (LatencyLog log = LatencyLog.open(directory, params)) {
                for (int iteration = 0; iteration < 3; iteration++) {
                    Histogram interval = new Histogram(3);
                    interval.setStartTimeStamp(System.currentTimeMillis());
                    interval.recordValue(1_000_000L * (iteration + 1));
                    interval.recordValue(2_000_000L);
                    interval.setEndTimeStamp(System.currentTimeMillis() + 1);
                    log.write(interval);
                }
            }
        }
        Path file = directory.resolve("timer-N4-D1-E1.hlog");
        assertEquals(
                1,
                Files.readString(file)
                        .lines()
                        .filter(line -> line.startsWith("#[StartTime"))
                        .count(),
                "one header for the file, not one per fork:\n" + Files.readString(file));
        Histogram total = new Histogram(3);
        int intervals = 0;
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (var interval = reader.nextIntervalHistogram();
                    interval != null;
                    interval = reader.nextIntervalHistogram()) {
                total.add((Histogram) interval);
                intervals++;
            }
        } catch (FileNotFoundException e) {
            throw new AssertionError(e);
        }
        assertEquals(6, intervals, "3 iterations x 2 forks");
        assertEquals(12, total.getTotalCount());
        assertEquals(3_000_000L, total.getMaxValue(), 3_000_000L / 1000.0);
    }

    @Test
    @DisplayName("created for one run: its comment, intervals timed from its start, read back where they were")
    void createdForOneRun(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("latency/timer-D100-R250.hlog");
        long start = 1_700_000_000_000L;
        try (LatencyLog log = LatencyLog.create(file, "loopbench open: a test", start)) {
            for (int second = 0; second < 2; second++) {
                Histogram interval = new Histogram(3);
                interval.setStartTimeStamp(start + second * 1000L);
                interval.setEndTimeStamp(start + (second + 1) * 1000L);
                interval.recordValue(100_000_000L);
                log.write(interval);
            }
        }
        String text = Files.readString(file);
        assertTrue(text.startsWith("#loopbench open: a test"), text);
        assertTrue(text.contains("\n1.000,1.000,"), "the second interval starts at 1.000 s:\n" + text);
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            reader.nextIntervalHistogram();
            var second = reader.nextIntervalHistogram();
            assertEquals(start + 1000, second.getStartTimeStamp(), text);
        }
    }
}
