package dev.loopbench.clientcost;

import dev.loopbench.client.WaveClient;
import dev.loopbench.render.Table;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The comparison's table: a row per N, wrk beside loopbench, then how the figures were taken. */
final class CostTable {

    /** Fixed widths, right-aligned: scripts and the tests find a row by its leading spaces and N. */
    private static final Table.Columns COLUMNS = Table.columns("rrrrrrrrrl", "  ", 6, 10, 10, 14, 14, 6, 17, 17, 9, 6);

    private CostTable() {}

    static void print(ComparisonOptions options, List<CostRow> rows, boolean withWrk, PrintStream out) {
        out.println(COLUMNS.line(
                "N",
                "wrk req/s",
                "wrk ms/N",
                "loopbench ms",
                "(min..max)",
                "ratio",
                "client us/req",
                "server us/req",
                "CPU ratio",
                "client"));
        out.println(COLUMNS.line("", "", "", "(median)", "", "", "loopbench | wrk", "loopbench | wrk", "", ""));
        for (CostRow row : rows) {
            out.println(COLUMNS.line(
                    String.valueOf(row.concurrency()),
                    withWrk ? format("%.0f", row.wrkRequestsPerSecond()) : "-",
                    withWrk ? format("%.2f", row.wrkMillis()) : "-",
                    format("%.2f", row.waveMillis()),
                    format("%.2f..%.2f", row.minWaveMillis(), row.maxWaveMillis()),
                    withWrk ? format("%.2f", row.ratio()) : "-",
                    pair(row.clientCpuMicros(), row.wrkCpuMicros()),
                    pair(row.waveServerCpuMicros(), row.wrkServerCpuMicros()),
                    Double.isNaN(row.cpuRatio()) ? "-" : format("%.2f", row.cpuRatio()),
                    row.client()));
        }
        out.printf(
                Locale.ROOT,
                "(client: core, the wave client, is held to wrk; web, the Vert.x Web Client, and hyperfoil, waves of"
                        + " atOnce users in a JVM of its own, are measured beside it;"
                        + " medians of %d waves and of %d wrk runs of %d s per N, in turns; wrk -t%d -c%s;"
                        + " CPU: user + system of each process over the measured part; CPU ratio: client + server"
                        + " CPU per request with loopbench over the same with wrk, which load does not move)%n",
                options.rounds() * options.wavesPerRound(),
                options.rounds(),
                options.wrkDuration().toSeconds(),
                options.wrkThreads(),
                options.wrkConnections() > 0 ? String.valueOf(options.wrkConnections()) : "N");
    }

    /**
     * The Web Client's own cost: what it adds per request over the core client, at each N where
     * both were measured, in client CPU and in wave time.
     */
    static void printWebClientCost(List<CostRow> rows, PrintStream out) {
        for (CostRow web : rows) {
            if (!web.client().equals(WaveClient.Kind.WEB.param())) {
                continue;
            }
            rows.stream()
                    .filter(core -> core.isCore() && core.concurrency() == web.concurrency())
                    .findFirst()
                    .ifPresent(core -> out.println(format(
                            "harness: the Web Client's own cost at N = %d: %+.1f us of client CPU per request"
                                    + " (web %.1f, core %.1f), wave median %.2f ms against %.2f (%.2f x)",
                            web.concurrency(),
                            web.clientCpuMicros() - core.clientCpuMicros(),
                            web.clientCpuMicros(),
                            core.clientCpuMicros(),
                            web.waveMillis(),
                            core.waveMillis(),
                            web.waveMillis() / core.waveMillis())));
        }
    }

    private static String pair(double loopbench, double wrk) {
        return (Double.isNaN(loopbench) ? "-" : format("%.1f", loopbench)) + " | "
                + (Double.isNaN(wrk) ? "-" : format("%.1f", wrk));
    }

    private static String format(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }
}
