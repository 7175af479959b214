package dev.loopbench.hyperfoil.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar loopbench-hyperfoil.jar FILE.hf.yaml [--json OUT]}: runs one Hyperfoil
 * benchmark file in this JVM with Hyperfoil's local runner, prints its statistics per phase
 * and metric as a table and writes them as JSON (by default next to the file, as
 * {@code FILE.stats.json}).
 *
 * <p>Exit codes: 0 every request answered 2xx; 1 the run measured failures (non-2xx, timeouts,
 * connection errors, users Hyperfoil could not start on time); 2 unusable input (missing file,
 * invalid YAML, a benchmark Hyperfoil rejects, an unreachable target), in one line on stderr.
 */
public final class HyperfoilLocalMain {

    static final String USAGE = "usage: java -jar loopbench-hyperfoil.jar FILE.hf.yaml [--json OUT]";

    private HyperfoilLocalMain() {}

    public static void main(String[] args) {
        Logging.configure(); // before any Hyperfoil class asks Log4j for a logger
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.help()) {
                out.println(USAGE);
                return 0;
            }
            RunResult result = LocalRun.run(BenchmarkFile.load(arguments.benchmarkFile()));
            out.print(StatisticsTable.render(result));
            Path json = arguments.jsonFile();
            StatisticsJson.write(result, json);
            out.println("statistics: " + json);
            result.failures().forEach(failure -> err.println("loopbench-hyperfoil: " + failure));
            return result.failures().isEmpty() ? 0 : 1;
        } catch (UnusableInput e) {
            err.println("loopbench-hyperfoil: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("loopbench-hyperfoil: cannot write the statistics: " + e);
            return 2;
        }
    }

    record Arguments(Path benchmarkFile, Path jsonFile, boolean help) {

        static Arguments parse(List<String> args) throws UnusableInput {
            Path file = null;
            Path json = null;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals("-h") || arg.equals("--help")) {
                    return new Arguments(null, null, true);
                } else if (arg.equals("--json")) {
                    if (i + 1 == args.size()) {
                        throw new UnusableInput("--json needs a file name; " + USAGE);
                    }
                    json = Path.of(args.get(++i));
                } else if (arg.startsWith("-")) {
                    throw new UnusableInput("unknown option '" + arg + "'; " + USAGE);
                } else if (file == null) {
                    file = Path.of(arg);
                } else {
                    throw new UnusableInput("one benchmark file at a time, got '" + file + "' and '" + arg + "'");
                }
            }
            if (file == null) {
                throw new UnusableInput("no benchmark file; " + USAGE);
            }
            return new Arguments(file, json == null ? statisticsFileFor(file) : json, false);
        }

        /** {@code dir/x.hf.yaml} -> {@code dir/x.stats.json}. */
        static Path statisticsFileFor(Path benchmarkFile) {
            String name = benchmarkFile.getFileName().toString();
            String base = name.replaceFirst("(\\.hf)?\\.ya?ml$", "");
            return benchmarkFile.resolveSibling(base + ".stats.json");
        }
    }
}
