package dev.loopbench.cli;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import dev.loopbench.report.RunFacts;
import dev.loopbench.report.RunReport;
import dev.loopbench.report.Summary;
import dev.loopbench.report.TextChart;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code run-benchmarks.sh report RESULTS.json [--output DIR]}: summary, charts and index.html for one run. */
final class ReportCommand {

    private ReportCommand() {}

    static int run(List<String> args, PrintStream out) throws UsageError, IOException {
        Path results = null;
        Path output = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--output")) {
                if (i + 1 >= args.size()) {
                    throw new UsageError("--output needs a directory");
                }
                output = Path.of(args.get(++i));
            } else if (arg.startsWith("-")) {
                throw new UsageError("unknown option '" + arg + "' for report");
            } else if (results == null) {
                results = Path.of(arg);
            } else {
                throw new UsageError("report takes one results file, got a second: '" + arg + "'");
            }
        }
        if (results == null) {
            throw new UsageError("report needs a results file: report RESULTS.json");
        }
        List<JmhResult> measured = read(results);
        Path directory = output != null ? output : directoryOf(results);
        Files.createDirectories(directory);
        write(measured, results, directory, out);
        return 0;
    }

    /** Also used after every run. */
    static void write(List<JmhResult> measured, Path results, Path directory, PrintStream out) throws IOException {
        String table = Summary.render(measured);
        String chart = TextChart.waveTime(measured);
        Files.writeString(
                directory.resolve("summary.txt"),
                RunFacts.of(measured).describe() + "\n\n" + table + "\n" + chart,
                StandardCharsets.UTF_8);
        out.print(table);
        out.println();
        if (!chart.isEmpty()) {
            out.print(chart);
            out.println();
        }
        for (String line : RunReport.write(measured, results, directory)) {
            out.println("loopbench: " + line);
        }
        out.println("loopbench: wrote " + directory.resolve("summary.txt"));
    }

    static List<JmhResult> read(Path file) throws UsageError {
        try {
            return JmhResults.read(file);
        } catch (JmhResults.UnusableInput e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null ? parent : Path.of(".");
    }
}
