package dev.loopbench.open;

import static dev.loopbench.open.OpenChartParts.chart;
import static dev.loopbench.open.OpenChartParts.knee;
import static dev.loopbench.open.OpenChartParts.line;
import static dev.loopbench.open.OpenChartParts.max;
import static dev.loopbench.open.OpenChartParts.min;
import static dev.loopbench.render.ChartStyle.DASHED;

import dev.loopbench.model.SaturationModel;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A handler's cells: p50, p99 and max against the offered rate, with the model's knee and max. */
final class RateChart {

    /** p50, p99, max. */
    private static final Color[] PERCENTILE_COLOURS = {
        new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e), new Color(0xd6, 0x27, 0x28)
    };

    private RateChart() {}

    /** p50, p99 and max against the offered rate; lambda_max as a vertical dashed line, D as a horizontal one. */
    static XYChart of(List<OpenCell> cells) {
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
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            series.setMarker(SeriesMarkers.CROSS);
            series.setMarkerColor(Color.BLACK);
        }
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
}
