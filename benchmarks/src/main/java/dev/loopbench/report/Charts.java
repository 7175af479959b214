package dev.loopbench.report;

import dev.loopbench.model.WaveModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Circle;
import org.knowm.xchart.style.markers.Diamond;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.markers.Square;
import org.knowm.xchart.style.markers.TriangleUp;

/**
 * The charts of a run and of a comparison, with XChart. Each handler keeps one colour in every
 * chart; the model is the same colour, dashed.
 */
public final class Charts {

    static final int WIDTH = 1100;
    static final int HEIGHT = 650;
    private static final Font BASE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /**
     * Handlers that behave alike draw on top of each other (the three serial ones are one
     * staircase): the first of a group is drawn thick with a large marker, the next ones thinner
     * and smaller on top of it, so that every one stays visible.
     */
    private record HandlerStyle(Color colour, Marker marker, float lineWidth) {}

    private static final Map<String, HandlerStyle> HANDLER_STYLES = Map.of(
            "event-loop-sleep", new HandlerStyle(new Color(0xd6, 0x27, 0x28), new Sized(new Circle(), 15), 7f),
            "execute-blocking-ordered", new HandlerStyle(new Color(0xff, 0x7f, 0x0e), new Sized(new Square(), 10), 4f),
            "virtual-thread-sleep", new HandlerStyle(new Color(0x8c, 0x56, 0x4b), new Sized(new Diamond(), 7), 1.8f),
            "execute-blocking-unordered",
                    new HandlerStyle(new Color(0x94, 0x67, 0xbd), new Sized(new TriangleUp(), 11), 3f),
            "timer", new HandlerStyle(new Color(0x2c, 0xa0, 0x2c), new Sized(new Circle(), 13), 6f),
            "virtual-thread-await", new HandlerStyle(new Color(0x1f, 0x77, 0xb4), new Sized(new Diamond(), 7), 1.8f));
    private static final Color[] OTHER_COLOURS = {
        new Color(0x17, 0xbe, 0xcf),
        new Color(0xbc, 0xbd, 0x22),
        new Color(0x7f, 0x7f, 0x7f),
        new Color(0xe3, 0x77, 0xc2)
    };

    /** XChart sizes all markers alike; this one keeps its own size. */
    private static final class Sized extends Marker {
        private final Marker shape;
        private final int size;

        Sized(Marker shape, int size) {
            this.shape = shape;
            this.size = size;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int ignoredSize) {
            shape.paint(g, x, y, size);
        }
    }

    private static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 5}, 0);

    private Charts() {}

    /** A line of cells that share everything but the concurrency, ordered by N. */
    record Line(String name, String handler, List<JmhResult> cells) {}

    /** Wave time against concurrency, log-log, error bars from JMH, the model dashed. */
    public static XYChart waveTime(List<JmhResult> results) {
        XYChart chart = xyChart(
                "Wave completion time against concurrency" + constants(results),
                "concurrency N (simultaneous requests)",
                "wave time (ms, log scale)");
        List<Double> drawn = new ArrayList<>();
        int other = 0;
        for (Line line : lines(results)) {
            HandlerStyle style = style(line.handler(), other++);
            double[] n = line.cells().stream()
                    .mapToDouble(cell -> number(cell.param("concurrency")))
                    .toArray();
            double[] measured = line.cells().stream()
                    .mapToDouble(cell -> cell.primary().score())
                    .toArray();
            double[] errors = line.cells().stream()
                    .mapToDouble(cell -> finiteOrZero(cell.primary().error()))
                    .toArray();
            style(chart.addSeries(line.name(), n, measured, errors), style);
            double[] model = line.cells().stream()
                    .mapToDouble(cell -> Summary.secondaryScore(cell, "predicted"))
                    .toArray();
            if (allFinite(model)) {
                dashed(chart.addSeries(line.name() + " (model)", n, model), style);
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
        addModelLegend(chart, "dashed: the model, ceil(N / L) x D");
        return chart;
    }

    /** Effective parallelism P = N x D / T against concurrency: the lanes the server behaved as if it had. */
    public static XYChart parallelism(List<JmhResult> results) {
        XYChart chart = xyChart(
                "Effective parallelism P = N x D / T against concurrency" + constants(results),
                "concurrency N (simultaneous requests)",
                "effective parallelism P (lanes, log scale)");
        int other = 0;
        for (Line line : lines(results)) {
            HandlerStyle style = style(line.handler(), other++);
            double[] n = line.cells().stream()
                    .mapToDouble(cell -> number(cell.param("concurrency")))
                    .toArray();
            double[] p = line.cells().stream()
                    .mapToDouble(cell -> parallelism(cell, cell.primary().score()))
                    .toArray();
            style(chart.addSeries(line.name(), n, p), style);
            double[] model = line.cells().stream()
                    .mapToDouble(cell -> parallelism(cell, Summary.secondaryScore(cell, "predicted")))
                    .toArray();
            if (allFinite(model)) {
                dashed(chart.addSeries(line.name() + " (model)", n, model), style);
            }
        }
        addModelLegend(chart, "dashed: the model, N / ceil(N / L)");
        return chart;
    }

    /**
     * The change of every compared cell with its confidence interval, one row per cell (a forest
     * plot: long cell names stay readable), coloured by verdict; the fail threshold as lines.
     */
    public static XYChart change(Comparison comparison) {
        List<CellComparison> cells = comparison.cells();
        int height = Math.max(420, 150 + 30 * cells.size());
        String fail = new DecimalFormat("0.##").format(comparison.thresholds().failPercent());
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(height)
                .title("Change per cell, candidate against base, "
                        + Math.round((1 - comparison.thresholds().alpha()) * 100)
                        + "% confidence intervals (lines: fail threshold ±" + fail + "%)")
                .xAxisTitle("change, % of base (positive = worse)")
                .yAxisTitle("")
                .build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setYAxisTickMarkSpacingHint(20);
        double extent = comparison.thresholds().failPercent() * 1.5;
        Map<String, Color> groups = new LinkedHashMap<>();
        groups.put("worse, significant", new Color(0xd6, 0x27, 0x28));
        groups.put("better, significant", new Color(0x2c, 0xa0, 0x2c));
        groups.put("same or noise", new Color(0x75, 0x75, 0x75));
        for (Map.Entry<String, Color> group : groups.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                CellComparison cell = cells.get(i);
                if (!group(cell).equals(group.getKey())) {
                    continue;
                }
                double row = cells.size() - i;
                x.add(cell.worsePercent());
                y.add(row);
                extent = Math.max(extent, Math.abs(cell.worsePercent()));
                double[] interval = worseInterval(cell);
                if (Double.isFinite(interval[0])) {
                    XYSeries whisker = chart.addSeries(
                            "ci " + i, new double[] {interval[0], interval[1]}, new double[] {row, row});
                    whisker.setLineColor(group.getValue());
                    whisker.setLineStyle(new BasicStroke(2.5f));
                    whisker.setMarker(SeriesMarkers.NONE);
                    whisker.setShowInLegend(false);
                    extent = Math.max(extent, Math.max(Math.abs(interval[0]), Math.abs(interval[1])));
                }
            }
            if (!x.isEmpty()) {
                XYSeries points = chart.addSeries(group.getKey(), x, y);
                points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                points.setMarkerColor(group.getValue());
                points.setMarker(SeriesMarkers.DIAMOND);
            }
        }
        labelRows(
                chart,
                cells.stream().map(CellComparison::label).toList()); // the first cell at the top, as in the table
        chart.getStyler().setXAxisMin(-extent * 1.1);
        chart.getStyler().setXAxisMax(extent * 1.1);
        chart.addAnnotation(new AnnotationLine(comparison.thresholds().failPercent(), true, false));
        chart.addAnnotation(new AnnotationLine(-comparison.thresholds().failPercent(), true, false));
        chart.addAnnotation(new AnnotationLine(0, true, false));
        return chart;
    }

    /** The confidence interval of the change, turned so that positive is worse, low end first. */
    private static double[] worseInterval(CellComparison cell) {
        if (cell.base().lowerIsBetter()) {
            return new double[] {cell.ciLowPercent(), cell.ciHighPercent()};
        }
        return new double[] {-cell.ciHighPercent(), -cell.ciLowPercent()};
    }

    public static void save(Chart<?, ?> chart, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(
                chart, withoutExtension.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }

    static List<Line> lines(List<JmhResult> results) {
        Map<String, List<JmhResult>> byLine = new LinkedHashMap<>();
        boolean severalDelays =
                results.stream().map(r -> r.param("delayMs")).distinct().count() > 1;
        boolean severalLoops =
                results.stream().map(r -> r.param("eventLoops")).distinct().count() > 1;
        for (JmhResult result : results) {
            if (!(number(result.param("concurrency")) > 0) || !(result.primary().score() > 0)) {
                continue; // not a loopbench wave: nothing to draw against N
            }
            String name = String.valueOf(result.param("handler"))
                    + (severalDelays ? " D=" + result.param("delayMs") : "")
                    + (severalLoops ? " E=" + result.param("eventLoops") : "");
            byLine.computeIfAbsent(name, key -> new ArrayList<>()).add(result);
        }
        List<Line> lines = new ArrayList<>();
        byLine.forEach((name, cells) -> {
            List<JmhResult> sorted = new ArrayList<>(cells);
            sorted.sort(Comparator.comparingDouble(cell -> number(cell.param("concurrency"))));
            lines.add(new Line(name, String.valueOf(cells.get(0).param("handler")), sorted));
        });
        lines.sort(Comparator.comparingDouble(line -> -style(line.handler(), 0).lineWidth()));
        return lines;
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    /** The look every loopbench chart shares. */
    public static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setBaseFont(BASE_FONT);
        styler.setChartTitleFont(BASE_FONT.deriveFont(Font.BOLD, 15f));
        styler.setLegendFont(BASE_FONT);
        styler.setAntiAlias(true);
        if (styler instanceof AxesChartStyler axes) {
            axes.setAxisTitleFont(BASE_FONT.deriveFont(14f));
            axes.setAxisTickLabelsFont(BASE_FONT.deriveFont(12f));
            axes.setPlotGridLinesColor(new Color(0xe0, 0xe0, 0xe0));
        }
    }

    /** A legend entry explaining the dashed lines. */
    private static void addModelLegend(XYChart chart, String text) {
        if (chart.getSeriesMap().values().stream()
                .anyMatch(series -> series.getName().endsWith(" (model)"))) {
            legendOnly(chart, text, Color.DARK_GRAY, DASHED);
        }
    }

    /**
     * An entry in the legend and nothing on the plot: a single point draws no line. The point
     * sits on one the chart already has, so that it moves no axis (and is positive on a log one).
     */
    public static void legendOnly(XYChart chart, String name, Color colour, BasicStroke stroke) {
        XYSeries anchor = chart.getSeriesMap().values().stream().findFirst().orElse(null);
        XYSeries series = chart.addSeries(name, new double[] {anchor == null ? 1 : anchor.getXData()[0]}, new double[] {
            anchor == null ? 1 : anchor.getYData()[0]
        });
        series.setLineColor(colour);
        series.setLineStyle(stroke);
        series.setMarker(SeriesMarkers.NONE);
    }

    /**
     * One labelled row per entry, the first at the top, on a y axis running from 1 (the last) to
     * {@code labels.size()}. Ticks between rows get blanks, each of its own length: XChart takes
     * equal labels for ticks too dense and thins them out to none. Call it after adding the series.
     */
    public static void labelRows(XYChart chart, List<String> labels) {
        chart.getStyler().setYAxisMin(0.3);
        chart.getStyler().setYAxisMax(labels.size() + 0.7);
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            double row = Math.rint(y);
            int index = labels.size() - (int) row;
            return Math.abs(y - row) < 1e-6 && index >= 0 && index < labels.size()
                    ? labels.get(index)
                    : " ".repeat(1 + (int) Math.abs(Math.round(y * 4)));
        });
    }

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

    private static String group(CellComparison cell) {
        return switch (cell.verdict()) {
            case SLOWER -> "worse, significant";
            case FASTER -> "better, significant";
            default -> "same or noise";
        };
    }

    private static HandlerStyle style(String handler, int index) {
        HandlerStyle known = HANDLER_STYLES.get(handler);
        return known != null
                ? known
                : new HandlerStyle(OTHER_COLOURS[index % OTHER_COLOURS.length], new Sized(new Circle(), 9), 2.5f);
    }

    private static void style(XYSeries series, HandlerStyle style) {
        series.setLineColor(style.colour());
        series.setLineWidth(style.lineWidth());
        series.setMarkerColor(style.colour());
        series.setMarker(style.marker());
    }

    private static void dashed(XYSeries series, HandlerStyle style) {
        series.setLineColor(style.colour());
        series.setLineStyle(DASHED);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    /** A log axis from half a step below the lowest point to a bit above the highest, not from 1. */
    private static void fitYAxis(XYChart chart, List<Double> values) {
        double min = values.stream()
                .filter(v -> v > 0 && Double.isFinite(v))
                .min(Double::compare)
                .orElse(1.0);
        double max = values.stream()
                .filter(v -> v > 0 && Double.isFinite(v))
                .max(Double::compare)
                .orElse(10.0);
        chart.getStyler().setYAxisMin(min * 0.7);
        chart.getStyler().setYAxisMax(max * 1.3);
    }

    private static double parallelism(JmhResult cell, double waveMillis) {
        double n = number(cell.param("concurrency"));
        double d = number(cell.param("delayMs"));
        return n > 0 && d > 0 && waveMillis > 0 ? WaveModel.effectiveParallelism((int) n, d, waveMillis) : Double.NaN;
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value) || value <= 0) {
                return false;
            }
        }
        return values.length > 0;
    }
}
