package dev.loopbench.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.jmh.Fixtures;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The text chart")
class TextChartTest {

    @Test
    @DisplayName("puts the slowest handler on the top row, the model where nothing sits on it, and fits 80 columns")
    void drawsARealRun() throws Exception {
        List<JmhResult> results = JmhResults.read(Fixtures.path("loopbench-default-run.json"));
        String chart = TextChart.waveTime(results);
        List<String> lines = chart.lines().toList();
        lines.forEach(line -> assertTrue(line.length() <= 80, "longer than 80: '" + line + "'\n" + chart));
        String top = lines.get(1);
        assertTrue(
                top.matches(" +3240 \\| +E"),
                "event-loop sleep at N = 64 (3240 ms) is alone on the top row:\n" + chart);
        String bottom = lines.get(TextChart.PLOT_HEIGHT);
        assertTrue(bottom.contains("+"), "the timer's model at 100 ms under its measured 140 ms:\n" + chart);
        assertTrue(chart.contains("E event-loop-sleep") && chart.contains("T timer"), chart);
    }
}
