package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The summary table")
class SummaryTest {

    @Test
    @DisplayName("shows a row per cell with measured, model, ratio, fit, effective parallelism and p99")
    void rendersRealResults() throws Exception {
        List<JmhResult> results = JmhResults.read(Fixtures.path("loopbench-default-run.json"));
        String table = Summary.render(results);
        List<String> lines = table.lines().toList();
        assertEquals(2 + results.size(), lines.size(), table);
        assertTrue(
                lines.get(0).startsWith("handler")
                        && lines.get(0).contains("model ms")
                        && lines.get(0).contains("P lanes")
                        && lines.get(0).contains("p99 ms"),
                table);
        String sleep64 = lines.stream()
                .filter(line -> line.startsWith("event-loop-sleep") && line.contains(" 64 "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(table));
        assertTrue(sleep64.contains("3200") && sleep64.contains("fits") && sleep64.contains("2.0"), sleep64);
        assertTrue(sleep64.contains(" 5 "), "five waves of 3.2 s, one per iteration: " + sleep64);
        assertTrue(lines.get(0).contains("waves") && lines.get(0).contains(" fit "), table);
    }
}
