package dev.loopbench.clientcost;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison's last line and exit status: 0 when the wave client (core) is within the threshold
 * at every N (or no wrk), 1 above it. The Web Client is measured, not held to it.
 */
final class CostVerdict {

    private CostVerdict() {}

    static int print(ComparisonOptions options, List<CostRow> rows, boolean withWrk, PrintStream out) {
        if (!withWrk) {
            out.println("verdict: no ratio without wrk (" + Wrk.INSTALL_HINT + ")");
            return 0;
        }
        List<String> above = new ArrayList<>();
        for (CostRow row : rows) {
            if (row.isCore() && !(row.ratio() <= options.threshold())) {
                above.add(String.format(Locale.ROOT, "N = %d (%.2f)", row.concurrency(), row.ratio()));
            }
        }
        for (CostRow core : rows) {
            rows.stream()
                    .filter(peer -> peer.client().equals(CostRow.HYPERFOIL) && peer.concurrency() == core.concurrency())
                    .filter(peer -> core.isCore())
                    .findFirst()
                    .ifPresent(peer -> out.println(String.format(
                            Locale.ROOT,
                            "harness: at N = %d the core client's median wave is %.2f ms, Hyperfoil's %.2f ms: %s",
                            core.concurrency(),
                            core.waveMillis(),
                            peer.waveMillis(),
                            core.waveMillis() <= peer.waveMillis() ? "at or below Hyperfoil's" : "above Hyperfoil's")));
        }
        String threshold = String.format(Locale.ROOT, "%.2f", options.threshold());
        if (above.isEmpty()) {
            out.println("verdict: the core client within " + threshold
                    + "x of wrk at every N: the client is not what is measured");
            return 0;
        }
        out.println("verdict: the core client above " + threshold + "x of wrk at " + String.join(", ", above)
                + "; on a busy machine run it again (load average above)");
        return 1;
    }
}
