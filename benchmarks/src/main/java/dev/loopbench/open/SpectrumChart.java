package dev.loopbench.open;

import static dev.loopbench.open.OpenChartParts.chart;
import static dev.loopbench.open.OpenChartParts.knee;
import static dev.loopbench.open.OpenChartParts.max;
import static dev.loopbench.open.OpenChartParts.min;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A handler's cells: latency by percentile, one line per rate. */
final class SpectrumChart {

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

    private SpectrumChart() {}

    /**
     * Latency at each percentile, one line per rate, on the usual axis of log10(1 / (1 - p)): 90%,
     * 99%, 99.9% are equally far apart, so the tail is as wide as the body. The axis is linear in
     * that number rather than XChart's logarithmic one: with labels of its own, XChart's log axis
     * computes ticks without end.
     */
    static XYChart of(List<OpenCell> cells) {
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
        chart.setCustomXAxisTickLabelsFormatter(SpectrumChart::percentileLabel);
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
}
