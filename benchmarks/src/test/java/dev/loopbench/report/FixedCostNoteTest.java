package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.benchmarks.WaveProfiler;
import dev.loopbench.jmh.JmhResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The run summary's note on a fixed cost per request")
class FixedCostNoteTest {

    private static final String TARGET = "http://127.0.0.1:8093";

    private static JmhResult cell(String target, int concurrency, double measured, double predicted, double reopened) {
        Map<String, String> params = Map.of(
                "handler",
                "work",
                "concurrency",
                Integer.toString(concurrency),
                "delayMs",
                "50",
                "eventLoops",
                "2",
                "target",
                target);
        Map<String, JmhResult.Metric> secondary = new HashMap<>();
        secondary.put(WaveProfiler.PREDICTED, metric(predicted));
        secondary.put(WaveProfiler.NEW_CONNECTIONS, metric(reopened));
        return new JmhResult(
                "dev.loopbench.benchmarks.ConcurrentRequestsBenchmark.wave",
                "avgt",
                1,
                1,
                params,
                metric(measured),
                secondary,
                null);
    }

    private static JmhResult.Metric metric(double score) {
        return new JmhResult.Metric(score, Double.NaN, Double.NaN, Double.NaN, "ms/op", List.of(List.of(score)));
    }

    @Test
    @DisplayName("names the fixed cost of an external endpoint from its wave at N = 1, with the usual causes")
    void fromTheSingleRequest() {
        List<JmhResult> results = List.of(cell(TARGET, 1, 95.6, Double.NaN, 0), cell(TARGET, 6, 145.2, Double.NaN, 0));
        List<String> notes = Summary.notes(results);
        assertEquals(1, notes.size(), notes + " for " + results);
        String note = notes.get(0);
        assertTrue(note.startsWith("fixed cost: work at D = 50 ms takes 46 ms a request"), note);
        assertTrue(note.contains("Nagle") && note.contains("diagnose --target " + TARGET), note);
    }

    @Test
    @DisplayName("reads it where the model is known, and adds that the target closed its connections")
    void fromTheModel() {
        List<JmhResult> results = List.of(cell(TARGET, 8, 150 + 30, 150, 8));
        String notes = String.join("\n", Summary.notes(results));
        assertTrue(notes.contains("takes 30 ms a request") && notes.contains("closes them"), notes);
    }

    @Test
    @DisplayName("says nothing of a small cost, nor of the in-process server")
    void nothingToSay() {
        List<JmhResult> results = List.of(cell(TARGET, 1, 52, Double.NaN, 0), cell("", 1, 95, 50, 0));
        assertEquals(List.of(), Summary.notes(results), results.toString());
    }
}
