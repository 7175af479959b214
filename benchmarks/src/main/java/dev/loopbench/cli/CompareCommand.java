package dev.loopbench.cli;

import dev.loopbench.compare.ChangeChart;
import dev.loopbench.compare.Comparison;
import dev.loopbench.compare.ComparisonFormats;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import dev.loopbench.render.HtmlReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code run-benchmarks.sh compare BASE.json CANDIDATE.json [options]}. Exit 0: no significant
 * regression beyond the fail threshold; 1: at least one; 2: unusable input.
 */
final class CompareCommand {

    record Options(Path base, Path candidate, Comparison.Thresholds thresholds, String format, Path chartDirectory) {}

    private CompareCommand() {}

    static Options parse(List<String> args) throws UsageError {
        List<Path> files = new ArrayList<>();
        double fail = Comparison.Thresholds.DEFAULT.failPercent();
        double warn = Comparison.Thresholds.DEFAULT.warnPercent();
        double alpha = Comparison.Thresholds.DEFAULT.alpha();
        boolean warnGiven = false;
        String format = "text";
        Path chart = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--fail-threshold" -> fail = percent(arg, value(args, ++i, arg));
                case "--warn-threshold" -> {
                    warn = percent(arg, value(args, ++i, arg));
                    warnGiven = true;
                }
                case "--alpha" -> {
                    alpha = number(arg, value(args, ++i, arg));
                    if (!(alpha > 0 && alpha < 0.5)) {
                        throw new UsageError(
                                "--alpha is a significance level between 0 and 0.5, such as 0.01; got " + args.get(i));
                    }
                }
                case "--format" -> {
                    format = value(args, ++i, arg);
                    if (!List.of("text", "markdown", "json").contains(format)) {
                        throw new UsageError("--format is text, markdown or json; got '" + format + "'");
                    }
                }
                case "--chart" -> chart = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageError("unknown option '" + arg + "' for compare");
                    }
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.size() != 2) {
            throw new UsageError("compare needs two results files, BASE.json and CANDIDATE.json; got " + files.size());
        }
        if (!warnGiven) {
            warn = Math.min(warn, fail);
        }
        if (warn > fail) {
            throw new UsageError("--warn-threshold (" + warn + "%) must not be above --fail-threshold (" + fail + "%)");
        }
        return new Options(files.get(0), files.get(1), new Comparison.Thresholds(fail, warn, alpha), format, chart);
    }

    /** Exit 1 means a regression and nothing else: any other failure is unusable input, exit 2. */
    static int run(Options options, PrintStream out) throws UsageError {
        try {
            return compare(options, out);
        } catch (UsageError e) {
            throw e;
        } catch (Exception | Error e) {
            throw new UsageError(e.toString());
        }
    }

    private static int compare(Options options, PrintStream out) throws UsageError, IOException {
        List<JmhResult> base = ReportCommand.read(options.base());
        List<JmhResult> candidate = ReportCommand.read(options.candidate());
        Comparison comparison = Comparison.of(base, candidate, options.thresholds());
        if (comparison.cells().isEmpty()) {
            throw new UsageError("nothing in common: no benchmark with the same name, mode, threads and parameters in "
                    + options.base() + " (" + base.size() + " results) and " + options.candidate() + " ("
                    + candidate.size() + ")");
        }
        int exit = comparison.regressions().isEmpty() ? 0 : 1;
        String basePath = options.base().toString();
        String candidatePath = options.candidate().toString();
        out.print(
                switch (options.format()) {
                    case "markdown" -> ComparisonFormats.markdown(comparison, basePath, candidatePath);
                    case "json" -> ComparisonFormats.json(comparison, basePath, candidatePath, exit);
                    default -> ComparisonFormats.text(comparison, basePath, candidatePath);
                });
        if (options.chartDirectory() != null) {
            writeChart(comparison, options, out);
        }
        return exit;
    }

    private static void writeChart(Comparison comparison, Options options, PrintStream out) throws IOException {
        Path directory = options.chartDirectory();
        Files.createDirectories(directory);
        String text = ComparisonFormats.text(
                comparison, options.base().toString(), options.candidate().toString());
        List<HtmlReport.Section> sections = new ArrayList<>();
        try {
            ChartStyle.save(ChangeChart.of(comparison), directory.resolve("change"));
            sections.add(new HtmlReport.Section(
                    "Change per cell",
                    "Each bar is the candidate's change against the base, positive = worse, with its confidence interval;"
                            + " the horizontal lines are the fail threshold either way.",
                    HtmlReport.image("change", "change per cell")));
        } catch (IOException | RuntimeException | Error e) {
            sections.add(new HtmlReport.Section(
                    "Change per cell", "no chart: " + HtmlReport.escape(ChartFailure.describe(e)), ""));
            System.err.println("loopbench: no chart: " + ChartFailure.describe(e));
        }
        sections.add(new HtmlReport.Section("Comparison", "", HtmlReport.preformatted(text)));
        HtmlReport.write(
                directory.resolve("compare.html"),
                "loopbench: benchmark comparison",
                String.format(Locale.ROOT, "%s against %s", options.candidate(), options.base()),
                sections);
        // the verdict lines stay on stdout (the chosen format); where the files went is said on stderr
        System.err.println("loopbench: wrote " + directory.resolve("change.png") + ", .svg and compare.html");
    }

    private static String value(List<String> args, int index, String option) throws UsageError {
        if (index >= args.size()) {
            throw new UsageError(option + " needs a value");
        }
        return args.get(index);
    }

    private static double percent(String option, String value) throws UsageError {
        double percent = number(option, value);
        if (!(percent > 0 && percent < 1000)) {
            throw new UsageError(option + " is a percentage above 0, such as 10; got " + value);
        }
        return percent;
    }

    private static double number(String option, String value) throws UsageError {
        try {
            return Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            throw new UsageError(option + " takes a number; got '" + value + "'");
        }
    }
}
