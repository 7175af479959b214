package dev.loopbench.hyperfoil.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The statistics as loopbench prints its summaries: an aligned text table, one row per phase and metric. */
final class StatisticsTable {

    private StatisticsTable() {}

    static String render(RunResult result) {
        StringBuilder out = new StringBuilder();
        out.append("Hyperfoil ")
                .append(HyperfoilVersion.get())
                .append(" in-VM, benchmark ")
                .append(result.benchmark())
                .append(", ")
                .append(result.threads())
                .append(result.threads() == 1 ? " thread" : " threads")
                .append("; latency from request start to the last byte of the response\n\n");
        if (result.phases().isEmpty()) {
            return out.append("no statistics: no phase sent a request\n").toString();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {
            "phase", "metric", "iterations", "requests", "errors", "p50 ms", "p99 ms", "max ms", "mean ms", "blocked ms"
        });
        for (PhaseStatistics phase : result.phases()) {
            boolean score = !phase.failed();
            rows.add(new String[] {
                phase.phase() + (phase.warmup() ? " (warm-up)" : ""),
                phase.metric(),
                Integer.toString(phase.iterations()),
                Long.toString(phase.requests()),
                Long.toString(phase.errors()),
                score ? millis(phase.p50Millis()) : "-",
                score ? millis(phase.p99Millis()) : "-",
                score ? millis(phase.maxMillis()) : "-",
                score ? millis(phase.meanMillis()) : "-",
                millis(phase.blockedMillis())
            });
        }
        out.append(render(rows, "llrrrrrrrr"));
        out.append("\nblocked ms: time requests waited for a free connection, already inside their latency;")
                .append(" -: no score, the phase had failed requests\n");
        return out.toString();
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** Columns two spaces apart, 'l' left- or 'r' right-aligned, a rule under the header: loopbench's table. */
    static String render(List<String[]> rows, String alignment) {
        int[] widths = new int[alignment.length()];
        for (String[] row : rows) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(line(rows.get(r), widths, alignment));
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int c = 0; c < widths.length; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                out.append(line(rule, widths, alignment));
            }
        }
        return out.toString();
    }

    private static String line(String[] cells, int[] widths, String alignment) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String padding = " ".repeat(widths[c] - cells[c].length());
            line.append(c == 0 ? "" : "  ")
                    .append(alignment.charAt(c) == 'r' ? padding + cells[c] : cells[c] + padding);
        }
        return line.toString().stripTrailing() + "\n";
    }
}
