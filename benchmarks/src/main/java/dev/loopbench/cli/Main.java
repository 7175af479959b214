package dev.loopbench.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The tools behind {@code run-benchmarks.sh}: {@code run}, {@code compare}, {@code report}
 * and {@code timeline}.
 * Input it cannot use gets one line on stderr and exit code 2; the usage text lives in the script.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(Arrays.asList(args), System.out, System.err));
    }

    static int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            err.println("loopbench: no command; see ./run-benchmarks.sh --help");
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "run" -> new RunCommand(out, Path.of("results")).run(RunCommand.parse(rest));
                case "compare" -> CompareCommand.run(CompareCommand.parse(rest), out);
                case "report" -> ReportCommand.run(rest, out);
                case "timeline" -> TimelineCommand.run(TimelineCommand.parse(rest), out, Path.of("results"));
                default -> throw new UsageError("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageError e) {
            err.println("loopbench: " + e.getMessage());
            return 2;
        } catch (Exception | Error e) {
            err.println("loopbench: " + e);
            return 1;
        }
    }
}
