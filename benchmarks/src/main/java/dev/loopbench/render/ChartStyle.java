package dev.loopbench.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look every loopbench chart shares, and the few XChart work-arounds they all need. */
public final class ChartStyle {

    public static final BasicStroke DASHED =
            new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {7, 5}, 0);

    private static final Font BASE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private ChartStyle() {}

    public static void apply(Styler styler) {
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

    /** {@code withoutExtension.png} to look at and {@code .svg} to zoom into. */
    public static void save(Chart<?, ?> chart, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(chart, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(
                chart, withoutExtension.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
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
     * {@code labels.size()}. Ticks between rows get blanks, each of its own length, because XChart
     * takes equal labels for ticks too dense and thins them out to none. Call it after adding the series.
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
}
