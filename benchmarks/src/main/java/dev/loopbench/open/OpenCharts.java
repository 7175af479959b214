package dev.loopbench.open;

import dev.loopbench.report.Charts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two charts of a handler's cells: latency against offered rate with the model's knee, and
 * the percentile spectrum of each rate. Latency axes are logarithmic: beyond the knee the queue
 * makes latencies seconds where they were D.
 */
final class OpenCharts {

    static final int WIDTH = 1100;
    static final int HEIGHT = 650;
    private static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 5}, 0);
    private static final Color MODEL = new Color(0x55, 0x55, 0x55);
    /** p50, p99, max. */
    private static final Color[] PERCENTILE_COLOURS = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0xd6, 0x27, 0x28)
    };
    /** Rates below the knee in cool colours, beyond it in warm ones, darker the farther from it. */
    private static final Color[] BELOW = {
        new Color(0x08, 0x51, 0x9c),
        new Color(0x31, 0x82, 0xbd),
        new Color(0x6b, 0xae, 0xd6),
        new Color(0x2c, 0xa0, 0x2c)
    };

    private static final Color[] BEYOND = {
        new Color(0xfd, 0x8d, 0x3c),
        new Color(0xe6, 0x55, 0x0d),
        new Color(0xa6, 0x36, 0x03),
        new Color(0x7f, 0x27, 0x04)
    };

    private OpenCharts() {}

    /** p50, p99 and max against the offered rate; lambda_max as a vertical dashed line, D as a horizontal one. */
    static XYChart latencyByRate(List<OpenCell> cells) {
        OpenCell first = cells.get(0);
        double lambdaMax = first.lambdaMax();
        XYChart chart = chart(
                String.format(
                        Locale.ROOT,
                        "%s: latency against offered rate (D = %d ms, %s)",
                        first.handler(),
                        first.delayMs(),
                        knee(lambdaMax)),
                "offered rate (requests/s)",
                "latency from the scheduled send time (ms)");
        // a linear axis from 0: XChart labels a logarithmic one at decades only, and the rates are not
        double[] rates = cells.stream().mapToDouble(OpenCell::offeredRate).toArray();
        double highest = DoubleStream.of(rates).max().orElse(1);
        double xMin = 0;
        double xMax = (Double.isFinite(lambdaMax) ? Math.max(highest, lambdaMax) : highest) * 1.1;
        chart.getStyler().setXAxisMin(xMin);
        chart.getStyler().setXAxisMax(xMax);

        double[] p50 =
                cells.stream().mapToDouble(cell -> cell.percentileMillis(50)).toArray();
        double[] p99 =
                cells.stream().mapToDouble(cell -> cell.percentileMillis(99)).toArray();
        double[] maxima = cells.stream().mapToDouble(OpenCell::maxMillis).toArray();
        double yMin = Math.max(0.1, Math.min(first.delayMs(), min(p50)) * 0.6);
        double modelAtHighest = SaturationModel.maxLatencyMillis(
                highest, lambdaMax, first.delayMs(), first.scheduleSeconds()); // NaN without a model: ignored
        double yMax =
                Math.max(first.delayMs(), Math.max(max(maxima), Double.isFinite(modelAtHighest) ? modelAtHighest : 0))
                        * 1.6;
        chart.getStyler().setYAxisMin(yMin);
        chart.getStyler().setYAxisMax(yMax);
        // max first and widest, p50 last and narrowest: with few requests p99 is the max, and both stay visible
        percentile(chart, "max", rates, maxima, PERCENTILE_COLOURS[2], SeriesMarkers.SQUARE, 6f);
        percentile(chart, "p99", rates, p99, PERCENTILE_COLOURS[1], SeriesMarkers.DIAMOND, 3.5f);
        percentile(chart, "p50", rates, p50, PERCENTILE_COLOURS[0], SeriesMarkers.CIRCLE, 2.5f);
        if (Double.isFinite(lambdaMax)) {
            modelMax(chart, first, xMax);
            line(
                    chart,
                    "lambda_max = L / D = " + OpenTable.number(lambdaMax) + "/s, the model's knee",
                    new double[] {lambdaMax, lambdaMax},
                    new double[] {yMin, yMax});
        } else if (first.delayMs() > 0) {
            line(chart, "D = " + first.delayMs() + " ms, the wait itself", new double[] {xMin, xMax}, new double[] {
                first.delayMs(), first.delayMs()
            });
        }
        List<OpenCell> behind = cells.stream().filter(OpenCell::fellBehind).toList();
        if (!behind.isEmpty()) {
            XYSeries series = chart.addSeries(
                    "the harness fell behind its schedule (rate not offered)",
                    behind.stream().mapToDouble(OpenCell::offeredRate).toArray(),
                    behind.stream()
                            .mapToDouble(cell -> cell.percentileMillis(99))
                            .toArray());
            series.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CROSS);
            series.setMarkerColor(Color.BLACK);
        }
        return chart;
    }

    /**
     * Latency at each percentile, one line per rate, on the usual axis of log10(1 / (1 - p)): 90%,
     * 99%, 99.9% are equally far apart, so the tail is as wide as the body. The axis is linear in
     * that number rather than XChart's logarithmic one: with labels of its own, XChart's log axis
     * computes ticks without end.
     */
    static XYChart spectrum(List<OpenCell> cells) {
        OpenCell first = cells.get(0);
        XYChart chart = chart(
                String.format(
                        Locale.ROOT,
                        "%s: latency by percentile (D = %d ms, %s)",
                        first.handler(),
                        first.delayMs(),
                        knee(first.lambdaMax())),
                "percentile",
                "latency from the scheduled send time (ms)");
        chart.setCustomXAxisTickLabelsFormatter(OpenCharts::percentileLabel);
        double yMin = Double.MAX_VALUE;
        double yMax = 0;
        double xMax = 1;
        int below = 0;
        int beyond = 0;
        for (OpenCell cell : cells) {
            List<double[]> points = cell.spectrum();
            if (points.isEmpty()) {
                continue;
            }
            double[] x = points.stream().mapToDouble(point -> nines(point[0])).toArray();
            double[] y = points.stream().mapToDouble(point -> point[1]).toArray();
            XYSeries series = chart.addSeries(rateLabel(cell), x, y);
            boolean isBeyond = "yes".equals(cell.beyondLambdaMax());
            Color colour = isBeyond ? BEYOND[beyond++ % BEYOND.length] : BELOW[below++ % BELOW.length];
            series.setLineColor(colour);
            series.setLineWidth(2.5f);
            series.setMarker(SeriesMarkers.NONE);
            yMin = Math.min(yMin, min(y));
            yMax = Math.max(yMax, max(y));
            xMax = Math.max(xMax, max(x));
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(Math.max(1, Math.ceil(xMax)));
        if (yMax > 0) {
            chart.getStyler().setYAxisMin(Math.max(0.1, Math.min(yMin, first.delayMs()) * 0.6));
            chart.getStyler().setYAxisMax(yMax * 1.6);
        }
        return chart;
    }

    private static String knee(double lambdaMax) {
        return Double.isNaN(lambdaMax)
                ? "lanes unknown, no model"
                : Double.isInfinite(lambdaMax)
                        ? "the model sets no limit"
                        : "lambda_max = " + OpenTable.number(lambdaMax) + "/s";
    }

    private static String rateLabel(OpenCell cell) {
        String label = OpenTable.number(cell.offeredRate()) + "/s";
        if (Double.isFinite(cell.lambdaMax())) {
            label += String.format(Locale.ROOT, " (%.2g x lambda_max)", cell.offeredRate() / cell.lambdaMax());
        }
        return label + (cell.fellBehind() ? ", harness fell behind" : "");
    }

    /** The "number of nines" of a percentile: log10(1 / (1 - p)); 90% is 1, 99.9% is 3. */
    static double nines(double percentile) {
        return Math.log10(1 / (1 - percentile / 100));
    }

    /**
     * A whole number of nines as its percentile: 0 is 0%, 1 is 90%, 3 is 99.9%. Ticks between get
     * blanks, each of its own length: XChart drops labels that repeat.
     */
    static String percentileLabel(double nines) {
        double whole = Math.rint(nines);
        if (Math.abs(nines - whole) > 1e-6 || whole < 0) {
            return " ".repeat(1 + (int) Math.abs(Math.round(nines * 8)));
        }
        if (whole == 0) {
            return "0%";
        }
        return String.format(
                Locale.ROOT, "%." + Math.max(0, (int) whole - 2) + "f%%", 100 * (1 - Math.pow(10, -whole)));
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        Charts.style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###"); // 10,000 rather than 1E4
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    private static void percentile(
            XYChart chart, String name, double[] rates, double[] millis, Color colour, Marker marker, float width) {
        XYSeries series = chart.addSeries(name, rates, millis);
        series.setLineColor(colour);
        series.setMarkerColor(colour);
        series.setMarker(marker);
        series.setLineWidth(width);
    }

    /**
     * The model's latency of the schedule's last request: D up to lambda_max, then rising with the
     * backlog. Drawn through many points, since a straight segment on a log axis is not the model.
     */
    private static void modelMax(XYChart chart, OpenCell cell, double xMax) {
        int points = 40;
        double[] rates = new double[points + 1];
        double[] millis = new double[points + 1];
        for (int i = 0; i <= points; i++) {
            rates[i] = xMax * i / points;
            millis[i] = SaturationModel.maxLatencyMillis(
                    rates[i], cell.lambdaMax(), cell.delayMs(), cell.scheduleSeconds());
        }
        XYSeries series = chart.addSeries(
                String.format(
                        Locale.ROOT,
                        "model's max: D, beyond the knee D + (R / lambda_max - 1) x %.0f s of schedule",
                        cell.scheduleSeconds()),
                rates,
                millis);
        series.setLineColor(PERCENTILE_COLOURS[2]); // the max's colour: the model of the max
        series.setLineStyle(DASHED);
        series.setMarker(SeriesMarkers.NONE);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(MODEL);
        series.setLineStyle(DASHED);
        series.setMarker(SeriesMarkers.NONE);
    }

    private static double min(double[] values) {
        return DoubleStream.of(values)
                .filter(v -> v > 0 && Double.isFinite(v))
                .min()
                .orElse(1);
    }

    private static double max(double[] values) {
        return DoubleStream.of(values).filter(Double::isFinite).max().orElse(1);
    }
}
