package dev.loopbench.compare;

import dev.loopbench.render.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The change of every compared cell with its confidence interval, one row per cell (a forest
 * plot: long cell names stay readable), coloured by verdict; the fail threshold as lines.
 */
public final class ChangeChart {

    static final int WIDTH = 1100;
    private static final String WORSE = "worse, significant";
    private static final String BETTER = "better, significant";
    private static final String SAME = "same or noise";

    private ChangeChart() {}

    public static XYChart of(Comparison comparison) {
        List<CellComparison> cells = comparison.cells();
        double fail = comparison.thresholds().failPercent();
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(Math.max(420, 150 + 30 * cells.size()))
                .title("Change per cell, candidate against base, "
                        + Math.round((1 - comparison.thresholds().alpha()) * 100)
                        + "% confidence intervals (lines: fail threshold ±" + new DecimalFormat("0.##").format(fail)
                        + "%)")
                .xAxisTitle("change, % of base (positive = worse)")
                .yAxisTitle("")
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setYAxisTickMarkSpacingHint(20);
        Map<String, Color> groups = new LinkedHashMap<>();
        groups.put(WORSE, new Color(0xd6, 0x27, 0x28));
        groups.put(BETTER, new Color(0x2c, 0xa0, 0x2c));
        groups.put(SAME, new Color(0x75, 0x75, 0x75));
        double extent = fail * 1.5;
        for (Map.Entry<String, Color> group : groups.entrySet()) {
            extent = Math.max(extent, addGroup(chart, cells, group.getKey(), group.getValue()));
        }
        // the first cell at the top, as in the table
        ChartStyle.labelRows(chart, cells.stream().map(CellComparison::label).toList());
        chart.getStyler().setXAxisMin(-extent * 1.1);
        chart.getStyler().setXAxisMax(extent * 1.1);
        chart.addAnnotation(new AnnotationLine(fail, true, false));
        chart.addAnnotation(new AnnotationLine(-fail, true, false));
        chart.addAnnotation(new AnnotationLine(0, true, false));
        return chart;
    }

    /** The cells of one verdict group, a point each with its interval as a whisker; returns the widest change. */
    private static double addGroup(XYChart chart, List<CellComparison> cells, String group, Color colour) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double extent = 0;
        for (int i = 0; i < cells.size(); i++) {
            CellComparison cell = cells.get(i);
            if (!group(cell).equals(group)) {
                continue;
            }
            double row = cells.size() - i;
            x.add(cell.worsePercent());
            y.add(row);
            extent = Math.max(extent, Math.abs(cell.worsePercent()));
            double[] interval = worseInterval(cell);
            if (Double.isFinite(interval[0])) {
                XYSeries whisker =
                        chart.addSeries("ci " + i, new double[] {interval[0], interval[1]}, new double[] {row, row});
                whisker.setLineColor(colour);
                whisker.setLineStyle(new BasicStroke(2.5f));
                whisker.setMarker(SeriesMarkers.NONE);
                whisker.setShowInLegend(false);
                extent = Math.max(extent, Math.max(Math.abs(interval[0]), Math.abs(interval[1])));
            }
        }
        if (!x.isEmpty()) {
            XYSeries points = chart.addSeries(group, x, y);
            points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            points.setMarkerColor(colour);
            points.setMarker(SeriesMarkers.DIAMOND);
        }
        return extent;
    }

    private static String group(CellComparison cell) {
        return switch (cell.verdict()) {
            case SLOWER -> WORSE;
            case FASTER -> BETTER;
            default -> SAME;
        };
    }

    /** The confidence interval of the change, turned so that positive is worse, low end first. */
    private static double[] worseInterval(CellComparison cell) {
        if (cell.base().lowerIsBetter()) {
            return new double[] {cell.ciLowPercent(), cell.ciHighPercent()};
        }
        return new double[] {-cell.ciHighPercent(), -cell.ciLowPercent()};
    }
}
