package dev.loopbench.cli;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.jmh.JmhResults;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run-benchmarks.sh report RESULTS.json [--output DIR]}: what a run writes, for any JMH results file. */
@Command(
        name = "report",
        description = "summary, charts, index.html and the dashboard exports for one JMH results file, next to it"
                + " or in DIR. Exit 2: the file is missing, not JSON or not JMH's.")
final class ReportCommand extends LoopbenchCommand {

    @Parameters(paramLabel = "RESULTS.json", description = "JMH's JSON results, of loopbench or of any benchmark")
    Path results;

    @Option(names = "--output", paramLabel = "DIR", description = "where to write; default: the file's folder")
    Path output;

    ReportCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageError, IOException {
        List<JmhResult> measured = read(results);
        Path directory = output != null ? output : directoryOf(results);
        Files.createDirectories(directory);
        print(ResultsFolder.write(measured, results, directory, List.of()), context.out());
        return 0;
    }

    /** The summary, then what was written; after a run too. */
    static void print(ResultsFolder.Written written, PrintStream out) {
        out.print(written.summary());
        out.println();
        written.notes().forEach(note -> out.println("loopbench: " + note));
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
