package dev.loopbench.cli;

import dev.loopbench.compare.ChangeChart;
import dev.loopbench.compare.Comparison;
import dev.loopbench.compare.ComparisonFormats;
import dev.loopbench.jmh.JmhResult;
import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import dev.loopbench.render.HtmlReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run-benchmarks.sh compare BASE.json CANDIDATE.json [options]}. Exit 0: no significant
 * regression beyond the fail threshold; 1: at least one, and nothing else; 2: unusable input.
 */
@Command(
        name = "compare",
        description = {
            "compares two JMH JSON files (any JMH benchmarks, not only loopbench's), cell by cell: a change counts"
                    + " when it is significant (Welch's t-test on the forks' scores where both runs have two forks or"
                    + " more, else on one fork's iterations, which it then warns are autocorrelated; p Holm-adjusted"
                    + " over all cells, < --alpha) and at least --warn-threshold. --format markdown suits a CI step"
                    + " summary.",
        },
        footer = "Exit 0: no significant regression beyond --fail-threshold; 1: there is one; 2: unusable input"
                + " (missing, not JSON, not JMH, nothing in common), in one line.")
final class CompareCommand extends LoopbenchCommand {

    private static final List<String> FORMATS = List.of("text", "markdown", "json");

    @Parameters(index = "0", paramLabel = "BASE.json", description = "the run to compare against")
    Path base;

    @Parameters(index = "1", paramLabel = "CANDIDATE.json", description = "the run under test")
    Path candidate;

    @Option(
            names = "--fail-threshold",
            paramLabel = "PCT",
            converter = Percentage.class,
            description = "a significant slowdown by more than PCT%% fails (exit 1); default ${DEFAULT-VALUE}")
    double fail = Comparison.Thresholds.DEFAULT.failPercent();

    @Option(
            names = "--warn-threshold",
            paramLabel = "PCT",
            converter = Percentage.class,
            description = "smaller changes are 'same'; default 5, or the fail threshold when that is lower")
    Double warn;

    @Option(
            names = "--alpha",
            paramLabel = "A",
            description = "the chance of any false alarm over all cells (Holm-Bonferroni); default ${DEFAULT-VALUE}")
    double alpha = Comparison.Thresholds.DEFAULT.alpha();

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, markdown or json; default text")
    String format = "text";

    @Option(
            names = "--chart",
            paramLabel = "DIR",
            description = "also draw each cell's change with its confidence interval: change.png, .svg, compare.html")
    Path chart;

    CompareCommand(CommandContext context) {
        super(context);
    }

    /** Exit 1 means a regression and nothing else: any other failure is unusable input, exit 2. */
    @Override
    public Integer call() throws UsageError {
        Comparison.Thresholds thresholds = thresholds();
        if (!FORMATS.contains(format)) {
            throw UsageErrors.badOption(spec, "--format is text, markdown or json; got '" + format + "'");
        }
        try {
            return compare(thresholds);
        } catch (UsageError e) {
            throw e;
        } catch (Exception | Error e) {
            throw new UsageError(e.toString());
        }
    }

    private Comparison.Thresholds thresholds() {
        double failPercent = percent("--fail-threshold", fail);
        double warnPercent = warn == null
                ? Math.min(Comparison.Thresholds.DEFAULT.warnPercent(), failPercent)
                : percent("--warn-threshold", warn);
        if (!(alpha > 0 && alpha < 0.5)) {
            throw UsageErrors.badOption(
                    spec, "--alpha is a significance level between 0 and 0.5, such as 0.01; got " + alpha);
        }
        if (warnPercent > failPercent) {
            throw UsageErrors.badOption(
                    spec,
                    "--warn-threshold (" + warnPercent + "%) must not be above --fail-threshold (" + failPercent
                            + "%)");
        }
        return new Comparison.Thresholds(failPercent, warnPercent, alpha);
    }

    private int compare(Comparison.Thresholds thresholds) throws UsageError, IOException {
        List<JmhResult> baseResults = ReportCommand.read(base);
        List<JmhResult> candidateResults = ReportCommand.read(candidate);
        Comparison comparison = Comparison.of(baseResults, candidateResults, thresholds);
        if (comparison.cells().isEmpty()) {
            throw new UsageError("nothing in common: no benchmark with the same name, mode, threads and parameters in "
                    + base + " (" + baseResults.size() + " results) and " + candidate + " ("
                    + candidateResults.size() + ")");
        }
        int exit = comparison.regressions().isEmpty() ? 0 : 1;
        String basePath = base.toString();
        String candidatePath = candidate.toString();
        context.out()
                .print(
                        switch (format) {
                            case "markdown" -> ComparisonFormats.markdown(comparison, basePath, candidatePath);
                            case "json" -> ComparisonFormats.json(comparison, basePath, candidatePath, exit);
                            default -> ComparisonFormats.text(comparison, basePath, candidatePath);
                        });
        if (chart != null) {
            writeChart(comparison);
        }
        return exit;
    }

    private void writeChart(Comparison comparison) throws IOException {
        Files.createDirectories(chart);
        List<HtmlReport.Section> sections = new ArrayList<>();
        try {
            ChartStyle.save(ChangeChart.of(comparison), chart.resolve("change"));
            sections.add(new HtmlReport.Section(
                    "Change per cell",
                    "Each bar is the candidate's change against the base, positive = worse, with its confidence"
                            + " interval; the horizontal lines are the fail threshold either way.",
                    HtmlReport.image("change", "change per cell")));
        } catch (IOException | RuntimeException | Error e) {
            sections.add(new HtmlReport.Section(
                    "Change per cell", "no chart: " + HtmlReport.escape(ChartFailure.describe(e)), ""));
            context.err().println("loopbench: no chart: " + ChartFailure.describe(e));
        }
        String text = ComparisonFormats.text(comparison, base.toString(), candidate.toString());
        sections.add(new HtmlReport.Section("Comparison", "", HtmlReport.preformatted(text)));
        HtmlReport.write(
                chart.resolve("compare.html"),
                "loopbench: benchmark comparison",
                String.format(Locale.ROOT, "%s against %s", candidate, base),
                sections);
        // the verdict lines stay on stdout (the chosen format); where the files went is said on stderr
        context.err().println("loopbench: wrote " + chart.resolve("change.png") + ", .svg and compare.html");
    }

    private double percent(String option, double percent) {
        if (!(percent > 0 && percent < 1000)) {
            throw UsageErrors.badOption(spec, option + " is a percentage above 0, such as 10; got " + percent);
        }
        return percent;
    }

    /** A number, with or without a trailing %. */
    static final class Percentage implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("takes a number; got '" + value + "'");
            }
        }
    }
}
