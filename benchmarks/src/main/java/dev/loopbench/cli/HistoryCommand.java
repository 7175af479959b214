package dev.loopbench.cli;

import dev.loopbench.compare.Comparison;
import dev.loopbench.history.History;
import dev.loopbench.history.HistoryPage;
import dev.loopbench.history.HistoryRuns;
import dev.loopbench.jmh.JmhResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code run-benchmarks.sh history DIR...}: many runs in one page, each cell against a trailing baseline. */
@Command(
        name = "history",
        description = "results folders (or JMH JSON files) in run order, written to results/<timestamp>-history/"
                + " as history.html (self-contained) and history.json: one chart per handler and metric, one line"
                + " per parameter set, JMH's confidence interval as error bars, each point judged against the"
                + " cell's last K runs before it by compare's rule (significant and worse by more than"
                + " --fail-threshold).",
        footer = "Exit 0: the history is written (regressions are marked in it, not in the exit code); 2: unusable"
                + " input, in one line.")
final class HistoryCommand extends LoopbenchCommand {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "results folders, or JMH JSON files")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = "--baseline",
            paramLabel = "K",
            description = "the trailing baseline: a cell's last K runs before the one judged; default ${DEFAULT-VALUE}")
    int baseline = 3;

    @Option(
            names = "--fail-threshold",
            paramLabel = "PCT",
            converter = CompareCommand.Percentage.class,
            description = "a significant change worse by more than PCT%% is marked; default ${DEFAULT-VALUE}")
    double fail = Comparison.Thresholds.DEFAULT.failPercent();

    @Option(
            names = "--output",
            paramLabel = "DIR",
            description = "where to write; default results/<timestamp>-history/")
    Path output;

    HistoryCommand(CommandContext context) {
        super(context);
    }

    @Override
    public Integer call() throws UsageError, IOException {
        if (baseline < 1) {
            throw UsageErrors.badOption(spec, "--baseline is a number of runs, at least 1; got " + baseline);
        }
        if (!(fail > 0 && fail < 1000)) {
            throw UsageErrors.badOption(spec, "--fail-threshold is a percentage above 0, such as 10; got " + fail);
        }
        List<History.Run> runs = new ArrayList<>();
        for (Path input : inputs) {
            try {
                runs.add(HistoryRuns.read(input));
            } catch (JmhResults.UnusableInput e) {
                throw new UsageError(e.getMessage());
            }
        }
        Comparison.Thresholds defaults = Comparison.Thresholds.DEFAULT;
        History history = History.of(
                runs,
                baseline,
                new Comparison.Thresholds(fail, Math.min(defaults.warnPercent(), fail), defaults.alpha()));
        Path directory = output != null
                ? java.nio.file.Files.createDirectories(output)
                : RunDirectories.create(context.resultsRoot(), "-history");
        HistoryPage.write(history, directory);
        context.out()
                .println("loopbench: " + runs.size() + " runs, "
                        + history.series().size() + " series, "
                        + history.regressions().size() + " regression"
                        + (history.regressions().size() == 1 ? "" : "s") + " against the last " + baseline
                        + " runs; wrote " + directory.resolve("history.html") + " and history.json");
        return 0;
    }
}
