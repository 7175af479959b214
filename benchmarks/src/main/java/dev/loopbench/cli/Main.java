package dev.loopbench.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The tools behind {@code run-benchmarks.sh}: {@code run}. Prints one line and exits 2 for input
 * it cannot use; the usage text lives in the script.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(Arrays.asList(args)));
    }

    static int execute(List<String> args) {
        if (args.isEmpty()) {
            System.err.println("loopbench: no command; see ./run-benchmarks.sh --help");
            return 2;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "run" -> new RunCommand(System.out, Path.of("results")).run(RunCommand.parse(rest));
                default -> throw new UsageError("unknown command '" + args.get(0) + "'");
            };
        } catch (UsageError e) {
            System.err.println("loopbench: " + e.getMessage() + " (see ./run-benchmarks.sh --help)");
            return 2;
        } catch (Exception e) {
            System.err.println("loopbench: " + e);
            return 1;
        }
    }
}
