package dev.loopbench.diagnose;

import dev.loopbench.render.ChartStyle;
import java.awt.Color;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The sweep as two charts against N on a log axis: the wave time with the fitted staircase
 * drawn under it, and the effective parallelism P with the lanes it levels off at.
 */
final class DiagnosisChart {

    private static final Color MEASURED = new Color(0x1f, 0x77, 0xb4);
    private static final Color FITTED = new Color(0xd6, 0x27, 0x28);

    private DiagnosisChart() {}

    static XYChart waveTime(LanesSweep.Result result, String title) {
        XYChart chart = chart(title, "wave time T (ms)");
        List<SweepPoint> probes = sorted(result);
        int largest = probes.get(probes.size() - 1).concurrency();
        double[] n = new double[largest];
        double[] fitted = new double[largest];
        for (int i = 0; i < largest; i++) {
            n[i] = i + 1;
            fitted[i] = result.fit().predictedMillis(i + 1);
        }
        XYSeries staircase = chart.addSeries(fittedName(result), n, fitted);
        staircase.setLineColor(FITTED);
        staircase.setLineStyle(ChartStyle.DASHED);
        staircase.setMarker(SeriesMarkers.NONE);
        measured(
                chart,
                probes,
                probes.stream().mapToDouble(SweepPoint::waveMillis).toArray());
        return chart;
    }

    static XYChart parallelism(LanesSweep.Result result, String title) {
        XYChart chart = chart(title, "effective parallelism P = N x D / T");
        List<SweepPoint> probes = sorted(result);
        if (result.fit().lanes().isPresent()) {
            int lanes = result.fit().lanes().getAsInt();
            int largest = probes.get(probes.size() - 1).concurrency();
            XYSeries level = chart.addSeries("L = " + lanes, new double[] {1, largest}, new double[] {lanes, lanes});
            level.setLineColor(FITTED);
            level.setLineStyle(ChartStyle.DASHED);
            level.setMarker(SeriesMarkers.NONE);
        }
        measured(
                chart,
                probes,
                probes.stream()
                        .mapToDouble(probe -> probe.parallelism(result.delayMillis()))
                        .toArray());
        return chart;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(520)
                .title(title)
                .xAxisTitle("concurrency N (requests at once)")
                .yAxisTitle(yTitle)
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    private static void measured(XYChart chart, List<SweepPoint> probes, double[] values) {
        XYSeries series = chart.addSeries(
                "measured (median wave)",
                probes.stream().mapToDouble(SweepPoint::concurrency).toArray(),
                values);
        series.setLineColor(MEASURED);
        series.setMarkerColor(MEASURED);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    private static String fittedName(LanesSweep.Result result) {
        return result.fit().lanes().isPresent()
                ? String.format(
                        Locale.ROOT,
                        "a + ceil(N / %d) x D, a = %.0f ms",
                        result.fit().lanes().getAsInt(),
                        result.fit().offsetMillis())
                : String.format(
                        Locale.ROOT,
                        "a + D, a = %.0f ms (unbounded)",
                        result.fit().offsetMillis());
    }

    private static List<SweepPoint> sorted(LanesSweep.Result result) {
        return result.probes().stream()
                .sorted(Comparator.comparingInt(SweepPoint::concurrency))
                .toList();
    }
}
