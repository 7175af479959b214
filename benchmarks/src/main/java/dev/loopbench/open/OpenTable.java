package dev.loopbench.open;

import dev.loopbench.render.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The printed table: one row per cell, as each finishes, and its warnings below it. */
final class OpenTable {

    private static final Table.Columns COLUMNS =
            Table.columns("lrrrrrrrrrrrr", " ", 26, 5, 9, 10, 9, 9, 9, 9, 7, 8, 10, 6, 12);

    private OpenTable() {}

    static String header() {
        return COLUMNS.line(
                "handler",
                "D ms",
                "offered/s",
                "achieved/s",
                "p50 ms",
                "p99 ms",
                "p99.9 ms",
                "max ms",
                "errors",
                "timeouts",
                "lambda_max",
                "beyond",
                "lag p99/max");
    }

    static List<String> lines(OpenCell cell) {
        List<String> lines = new ArrayList<>();
        lines.add(COLUMNS.line(
                cell.handler(),
                String.valueOf(cell.delayMs()),
                number(cell.offeredRate()),
                number(cell.achievedRate()),
                millis(cell.percentileMillis(50)),
                millis(cell.percentileMillis(99)),
                millis(cell.percentileMillis(99.9)),
                millis(cell.maxMillis()),
                String.valueOf(cell.errors()),
                String.valueOf(cell.timeouts()),
                describeLambdaMax(cell.lambdaMax()),
                String.valueOf(cell.beyondLambdaMax()),
                millis(cell.lagP99Millis()) + "/" + millis(cell.lagMaxMillis())));
        cell.warnings().forEach(warning -> lines.add("    " + warning));
        return lines;
    }

    /** lambda_max in the table: a rate, {@code unbounded}, or {@code ?} when the lanes are unknown. */
    static String describeLambdaMax(double lambdaMax) {
        return Double.isNaN(lambdaMax) ? "?" : Double.isInfinite(lambdaMax) ? "unbounded" : number(lambdaMax);
    }

    /** Rates: whole numbers when they are, else up to 3 significant digits (0.5, 22, 1000). */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value == Math.rint(value) || Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 10 ? "%.1f" : "%.2f", value);
    }

    /** Latencies: 0.1 ms resolution below a second, whole milliseconds above. */
    static String millis(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        return String.format(Locale.ROOT, value >= 1000 ? "%.0f" : "%.1f", value);
    }
}
