package dev.loopbench.open;

import dev.loopbench.render.ChartStyle;
import java.awt.Color;
import java.util.stream.DoubleStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What the two charts of an open run share: the look, a latency axis that is logarithmic (beyond
 * the knee the queue makes latencies seconds where they were D), and the model's lines.
 */
final class OpenChartParts {

    static final int WIDTH = 1100;
    static final int HEIGHT = 650;
    private static final Color MODEL = new Color(0x55, 0x55, 0x55);

    private OpenChartParts() {}

    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle(xTitle)
                .yAxisTitle(yTitle)
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###"); // 10,000 rather than 1E4
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(8);
        return chart;
    }

    /** lambda_max as a title says it. */
    static String knee(double lambdaMax) {
        return Double.isNaN(lambdaMax)
                ? "lanes unknown, no model"
                : Double.isInfinite(lambdaMax)
                        ? "the model sets no limit"
                        : "lambda_max = " + OpenTable.number(lambdaMax) + "/s";
    }

    /** A dashed grey line of the model's, named in the legend. */
    static void line(XYChart chart, String name, double[] x, double[] y) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(MODEL);
        series.setLineStyle(ChartStyle.DASHED);
        series.setMarker(SeriesMarkers.NONE);
    }

    /** The smallest positive finite value, 1 when there is none: a bound for a log axis. */
    static double min(double[] values) {
        return DoubleStream.of(values)
                .filter(v -> v > 0 && Double.isFinite(v))
                .min()
                .orElse(1);
    }

    /** The largest finite value, 1 when there is none. */
    static double max(double[] values) {
        return DoubleStream.of(values).filter(Double::isFinite).max().orElse(1);
    }
}
