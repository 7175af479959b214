package dev.loopbench.timeline;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Gantt chart of one traced wave: one row per request, in the order the server started them;
 * each bar split into in transit, queued in the server, and the wait, coloured by the thread
 * that waited; the model's wave time as a dashed line.
 */
public final class TimelineChart {

    static final int WIDTH = 1100;
    static final int MAX_ROWS = 64;
    static final int MAX_THREAD_COLOURS = 8;
    private static final Color IN_TRANSIT = new Color(0xc9, 0xc9, 0xc9);
    private static final Color QUEUED = new Color(0xff, 0x98, 0x00);
    private static final Color[] THREAD_COLOURS = {new Color(0x1f, 0x77, 0xb4), new Color(0x2c, 0xa0, 0x2c),
            new Color(0x94, 0x67, 0xbd), new Color(0xd6, 0x27, 0x28), new Color(0x8c, 0x56, 0x4b),
            new Color(0xe3, 0x77, 0xc2), new Color(0x17, 0xbe, 0xcf), new Color(0xbc, 0xbd, 0x22),
            new Color(0x39, 0x3b, 0x79), new Color(0x63, 0x79, 0x39)};
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private TimelineChart() {
    }

    public static XYChart of(WaveTrace wave, double scaleMillis) {
        List<RequestTrace> rows = wave.byStart();
        boolean clipped = rows.size() > MAX_ROWS;
        if (clipped) {
            rows = rows.subList(0, MAX_ROWS);
        }
        int barHeight = Math.max(4, Math.min(16, 400 / rows.size()));
        int height = 190 + rows.size() * (barHeight + 8);
        String model = Double.isNaN(wave.predictedMillis()) ? "lanes unknown, no model"
                : String.format(Locale.ROOT, "model %.0f ms (dashed)", wave.predictedMillis());
        XYChart chart = new XYChartBuilder().width(WIDTH).height(height)
                .title(String.format(Locale.ROOT, "%s: %d requests of %d ms at once, %s; measured %.0f ms; %s%s",
                        wave.handler(), wave.concurrency(), wave.delayMs(), wave.serverShape(), wave.millis(), model,
                        clipped ? "; the first " + MAX_ROWS + " rows" : ""))
                .xAxisTitle(wave.sameClock() ? "time since the first request was sent (ms)"
                        : "time (ms); server times on the server's clock, 0 = the first request it received")
                .yAxisTitle("requests, in the order they started").build();
        Styler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setBaseFont(FONT);
        styler.setChartTitleFont(FONT.deriveFont(Font.BOLD, 14f));
        styler.setLegendFont(FONT);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setAxisTitleFont(FONT);
        chart.getStyler().setPlotGridLinesColor(new Color(0xea, 0xea, 0xea));
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(scaleMillis * 1.05);
        chart.getStyler().setYAxisMin(0.3);
        chart.getStyler().setYAxisMax(rows.size() + 0.7);
        chart.getStyler().setYAxisTickMarkSpacingHint(Math.max(8, barHeight + 4)); // a label on every row
        chart.getStyler().setAnnotationLineColor(Color.DARK_GRAY);
        chart.getStyler().setAnnotationLineStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {8, 6}, 0));

        Map<String, Color> threadColours = threadColours(rows);
        BasicStroke bar = new BasicStroke(barHeight, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        int serial = 0;
        for (int i = 0; i < rows.size(); i++) {
            RequestTrace request = rows.get(i);
            double y = rows.size() - i;
            segment(chart, "t" + serial++, request.sent(), request.answered(), y, IN_TRANSIT, bar);
            if (request.hasServerTimes()) {
                segment(chart, "q" + serial++, request.received(), request.started(), y, QUEUED, bar);
                segment(chart, "w" + serial++, request.started(), request.finished(), y,
                        threadColours.get(request.thread()), bar);
            }
        }
        legend(chart, "in transit or unread in the socket", IN_TRANSIT);
        legend(chart, "queued in the server", QUEUED);
        if (threadColours.size() <= MAX_THREAD_COLOURS) {
            threadColours.forEach((thread, colour) -> legend(chart, "waiting on " + ThreadNames.shorten(thread), colour));
        } else {
            legend(chart, "waiting, on " + threadColours.size() + " different threads", THREAD_COLOURS[0]);
        }
        if (!Double.isNaN(wave.predictedMillis())) {
            chart.addAnnotation(new AnnotationLine(wave.predictedMillis(), true, false));
        }
        List<RequestTrace> labelled = rows;
        // XChart thins out ticks whose labels repeat, so the ticks between rows get blanks of their own length
        chart.setCustomYAxisTickLabelsFormatter(value -> {
            double row = Math.rint(value);
            int index = labelled.size() - (int) row;
            return Math.abs(value - row) < 1e-6 && index >= 0 && index < labelled.size()
                    ? "#" + labelled.get(index).index() : " ".repeat(1 + (int) Math.abs(Math.round(value * 4)));
        });
        return chart;
    }

    private static void segment(XYChart chart, String name, double from, double to, double y, Color colour, BasicStroke bar) {
        if (!(to > from)) {
            return;
        }
        XYSeries series = chart.addSeries(name, new double[] {from, to}, new double[] {y, y});
        series.setLineColor(colour);
        series.setLineStyle(bar);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    /** A legend entry only: a single point draws nothing. */
    private static void legend(XYChart chart, String name, Color colour) {
        XYSeries series = chart.addSeries(name, new double[] {0}, new double[] {-10});
        series.setLineColor(colour);
        series.setLineStyle(new BasicStroke(10f));
        series.setMarker(SeriesMarkers.NONE);
    }

    /** A colour per thread; beyond {@link #MAX_THREAD_COLOURS} threads (a virtual thread per request) one for all. */
    private static Map<String, Color> threadColours(List<RequestTrace> rows) {
        TreeSet<String> threads = new TreeSet<>();
        rows.stream().filter(RequestTrace::hasServerTimes).forEach(request -> threads.add(request.thread()));
        Map<String, Color> colours = new LinkedHashMap<>();
        List<String> ordered = new ArrayList<>(threads);
        for (int i = 0; i < ordered.size(); i++) {
            colours.put(ordered.get(i), ordered.size() <= MAX_THREAD_COLOURS ? THREAD_COLOURS[i] : THREAD_COLOURS[0]);
        }
        return colours;
    }
}
