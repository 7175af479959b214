package dev.loopbench.cli;

import dev.loopbench.export.DashboardExports;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.report.CellLatencies;
import dev.loopbench.report.CellsJson;
import dev.loopbench.report.RunFacts;
import dev.loopbench.report.RunReport;
import dev.loopbench.report.Summary;
import dev.loopbench.report.TextChart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a results folder holds beside JMH's {@code results.json}, written from this one
 * place after a run and by {@code report}: summary.txt, the exports for dashboards, the charts
 * and index.html.
 */
final class ResultsFolder {

    static final String SUMMARY = "summary.txt";

    /**
     * @param summary the text of summary.txt, to print as well
     * @param notes   what was written, a sentence each, or why a chart could not be drawn
     */
    record Written(String summary, List<String> notes) {}

    private ResultsFolder() {}

    /** @param unscoredCells the cells a run asked for that got no score, described; empty for a report */
    static Written write(List<JmhResult> results, Path resultsFile, Path directory, List<String> unscoredCells)
            throws IOException {
        CellLatencies latencies = CellLatencies.beside(resultsFile);
        String summary = summary(results, latencies, unscoredCells);
        Files.writeString(directory.resolve(SUMMARY), summary, StandardCharsets.UTF_8);
        List<String> notes = new ArrayList<>(RunReport.write(results, resultsFile, directory));
        notes.add(DashboardExports.write(results, latencies, directory));
        notes.add(CellsJson.write(results, latencies, directory));
        notes.add("wrote " + directory.resolve(SUMMARY));
        return new Written(summary, notes);
    }

    static String summary(List<JmhResult> results, CellLatencies latencies, List<String> unscoredCells) {
        StringBuilder text = new StringBuilder(RunFacts.of(results).describe())
                .append("\n\n")
                .append(Summary.render(results, latencies));
        Summary.notes(results, latencies).forEach(note -> text.append(note).append('\n'));
        String chart = TextChart.waveTime(results);
        if (!chart.isEmpty()) {
            text.append('\n').append(chart);
        }
        if (!unscoredCells.isEmpty()) {
            text.append("\nno score (the wave failed or could not start; see jmh-output.txt):\n");
            unscoredCells.forEach(cell -> text.append("  ").append(cell).append('\n'));
        }
        return text.toString();
    }
}
