package dev.loopbench.report;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.render.ChartStyle;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two charts of a run, log-log against concurrency. Each handler keeps its colour in both;
 * the model is the same colour, dashed.
 */
public final class RunCharts {

    static final int WIDTH = 1100;
    static final int HEIGHT = 650;

    private RunCharts() {}

    /** Wave time against concurrency, error bars from JMH, the model dashed. */
    public static XYChart waveTime(List<JmhResult> results) {
        XYChart chart = xyChart(
                "Wave completion time against concurrency" + constants(results),
                "concurrency N (simultaneous requests)",
                "wave time (ms, log scale)");
        ControlTimes controls = ControlTimes.of(results);
        List<Double> drawn = new ArrayList<>();
        for (Drawn series : thickestFirst(results)) {
            WaveLines.Line line = series.line();
            SeriesLook look = series.look();
            double[] n = series.concurrency();
            double[] measured = line.cells().stream()
                    .mapToDouble(cell -> cell.primary().score())
                    .toArray();
            double[] errors = line.cells().stream()
                    .mapToDouble(cell -> finiteOrZero(cell.primary().error()))
                    .toArray();
            look.applyTo(chart.addSeries(line.name(), n, measured, errors));
            double[] model = line.cells().stream().mapToDouble(controls::model).toArray();
            if (allPositive(model)) {
                dashed(chart.addSeries(line.name() + " (model)", n, model), look);
                for (double value : model) {
                    drawn.add(value);
                }
            }
            for (int i = 0; i < measured.length; i++) {
                drawn.add(Math.max(measured[i] - errors[i], measured[i] / 2));
                drawn.add(measured[i] + errors[i]);
            }
        }
        fitYAxis(chart, drawn);
        addModelLegend(
                chart,
                controls.isEmpty()
                        ? "dashed: the model, ceil(N / L) x D"
                        : "dashed: the model, T0(N) + ceil(N / L) x D");
        return chart;
    }

    /** Effective parallelism P = N x D / T against concurrency: the lanes the server behaved as if it had. */
    public static XYChart parallelism(List<JmhResult> results) {
        XYChart chart = xyChart(
                "Effective parallelism P = N x D / T against concurrency" + constants(results),
                "concurrency N (simultaneous requests)",
                "effective parallelism P (lanes, log scale)");
        ControlTimes controls = ControlTimes.of(results);
        for (Drawn series : thickestFirst(results)) {
            WaveLines.Line line = series.line();
            SeriesLook look = series.look();
            double[] n = series.concurrency();
            double[] p = line.cells().stream()
                    .mapToDouble(
                            cell -> WaveLines.parallelism(cell, cell.primary().score()))
                    .toArray();
            look.applyTo(chart.addSeries(line.name(), n, p));
            double[] model = line.cells().stream()
                    .mapToDouble(cell -> WaveLines.parallelism(cell, controls.model(cell)))
                    .toArray();
            if (allPositive(model)) {
                dashed(chart.addSeries(line.name() + " (model)", n, model), look);
            }
        }
        addModelLegend(
                chart,
                controls.isEmpty()
                        ? "dashed: the model, N / ceil(N / L)"
                        : "dashed: the model, N x D / (T0(N) + ceil(N / L) x D)");
        return chart;
    }

    /** A line of cells, how it is drawn, and its x values. */
    record Drawn(WaveLines.Line line, SeriesLook look, double[] concurrency) {}

    /**
     * Thick lines are drawn first, so that the thin ones of handlers that measured alike stay visible on top;
     * index.html draws in the same order with the same looks.
     */
    static List<Drawn> thickestFirst(List<JmhResult> results) {
        List<WaveLines.Line> lines = new ArrayList<>(WaveLines.of(results));
        lines.sort(Comparator.comparingDouble(
                line -> -SeriesLook.of(line.handler(), 0).lineWidth()));
        List<Drawn> drawn = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            WaveLines.Line line = lines.get(i);
            drawn.add(new Drawn(
                    line,
                    SeriesLook.of(line.handler(), i),
                    line.cells().stream().mapToDouble(WaveLines::concurrency).toArray()));
        }
        return drawn;
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    private static void dashed(XYSeries series, SeriesLook look) {
        series.setLineColor(look.colour());
        series.setLineStyle(ChartStyle.DASHED);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    private static void addModelLegend(XYChart chart, String text) {
        if (chart.getSeriesMap().values().stream()
                .anyMatch(series -> series.getName().endsWith(" (model)"))) {
            ChartStyle.legendOnly(chart, text, Color.DARK_GRAY, ChartStyle.DASHED);
        }
    }

    /** A log axis from half a step below the lowest point to a bit above the highest, not from 1. */
    private static void fitYAxis(XYChart chart, List<Double> values) {
        List<Double> drawable =
                values.stream().filter(v -> v > 0 && Double.isFinite(v)).toList();
        chart.getStyler().setYAxisMin(drawable.stream().min(Double::compare).orElse(1.0) * 0.7);
        chart.getStyler().setYAxisMax(drawable.stream().max(Double::compare).orElse(10.0) * 1.3);
    }

    /** What every cell shares, for the title: the delay, and the event loops or the target. */
    private static String constants(List<JmhResult> results) {
        List<String> same = new ArrayList<>();
        for (String[] param : new String[][] {{"delayMs", "D = %s ms"}, {"eventLoops", "E = %s"}}) {
            List<String> values =
                    results.stream().map(r -> r.param(param[0])).distinct().toList();
            if (values.size() == 1 && values.get(0) != null) {
                same.add(String.format(param[1], values.get(0)));
            }
        }
        boolean external = results.stream()
                .anyMatch(r -> r.param("target") != null && !r.param("target").isBlank());
        if (external) {
            same.removeIf(text -> text.startsWith("E ="));
            same.add("target " + results.get(0).param("target"));
        }
        return same.isEmpty() ? "" : " (" + String.join(", ", same) + ")";
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static boolean allPositive(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value) || value <= 0) {
                return false;
            }
        }
        return values.length > 0;
    }
}
