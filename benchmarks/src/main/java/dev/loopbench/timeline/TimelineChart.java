package dev.loopbench.timeline;

import dev.loopbench.render.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

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
    private static final Color BYSTANDER = new Color(0x55, 0x55, 0x55);
    private static final Color[] THREAD_COLOURS = {
        new Color(0x1f, 0x77, 0xb4),
        new Color(0x2c, 0xa0, 0x2c),
        new Color(0x94, 0x67, 0xbd),
        new Color(0xd6, 0x27, 0x28),
        new Color(0x8c, 0x56, 0x4b),
        new Color(0xe3, 0x77, 0xc2),
        new Color(0x17, 0xbe, 0xcf),
        new Color(0xbc, 0xbd, 0x22),
        new Color(0x39, 0x3b, 0x79),
        new Color(0x63, 0x79, 0x39)
    };

    private TimelineChart() {}

    public static XYChart of(WaveTrace wave, double scaleMillis) {
        List<RequestTrace> rows = wave.byStart();
        boolean clipped = rows.size() > MAX_ROWS;
        if (clipped) {
            rows = rows.subList(0, MAX_ROWS);
        }
        List<BystanderTrace> bystanders = wave.bystanders().stream()
                .limit(Math.max(0, MAX_ROWS - rows.size()))
                .toList();
        int rowCount = rows.size() + bystanders.size();
        int barHeight = Math.max(4, Math.min(16, 400 / rowCount));
        int height = 190 + rowCount * (barHeight + 8);
        String model = Double.isNaN(wave.predictedMillis())
                ? "lanes unknown, no model"
                : String.format(Locale.ROOT, "model %.0f ms (dashed)", wave.predictedMillis());
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(height)
                .title(String.format(
                        Locale.ROOT,
                        "%s: %d requests of %d ms at once, %s; measured %.0f ms; %s%s",
                        wave.handler(),
                        wave.concurrency(),
                        wave.delayMs(),
                        wave.serverShape(),
                        wave.millis(),
                        model,
                        clipped ? "; the first " + MAX_ROWS + " rows" : ""))
                .xAxisTitle(
                        wave.sameClock()
                                ? "time since the first request was sent (ms)"
                                : "time (ms); server times on the server's clock, 0 = the first request it received")
                .yAxisTitle("requests, in the order they started")
                .build();
        ChartStyle.apply(chart.getStyler());
        chart.getStyler()
                .setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f)); // a long title
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(scaleMillis * 1.05);
        chart.getStyler().setYAxisTickMarkSpacingHint(Math.max(8, barHeight + 4)); // a label on every row
        chart.getStyler().setAnnotationLineColor(Color.DARK_GRAY);
        chart.getStyler()
                .setAnnotationLineStroke(
                        new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 6}, 0));

        Map<String, Color> threadColours = threadColours(rows);
        BasicStroke bar = new BasicStroke(barHeight, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
        int serial = 0;
        for (int i = 0; i < rows.size(); i++) {
            RequestTrace request = rows.get(i);
            double y = rowCount - i;
            segment(chart, "t" + serial++, request.sent(), request.answered(), y, IN_TRANSIT, bar);
            if (request.hasServerTimes()) {
                segment(chart, "q" + serial++, request.received(), request.started(), y, QUEUED, bar);
                segment(
                        chart,
                        "w" + serial++,
                        request.started(),
                        request.finished(),
                        y,
                        threadColours.get(request.thread()),
                        bar);
            }
        }
        for (int i = 0; i < bystanders.size(); i++) {
            BystanderTrace bystander = bystanders.get(i);
            segment(
                    chart,
                    "b" + serial++,
                    bystander.sent(),
                    bystander.answered(),
                    bystanders.size() - i,
                    BYSTANDER,
                    bar);
        }
        legend(chart, "in transit or unread in the socket", IN_TRANSIT);
        legend(chart, "queued in the server", QUEUED);
        if (threadColours.size() <= MAX_THREAD_COLOURS) {
            threadColours.forEach(
                    (thread, colour) -> legend(chart, "waiting on " + ThreadNames.shorten(thread), colour));
        } else {
            legend(chart, "waiting, on " + threadColours.size() + " different threads", THREAD_COLOURS[0]);
        }
        if (!bystanders.isEmpty()) {
            legend(chart, "bystander, sent to answered", BYSTANDER);
        }
        if (!Double.isNaN(wave.predictedMillis())) {
            chart.addAnnotation(new AnnotationLine(wave.predictedMillis(), true, false));
        }
        List<String> labels = new ArrayList<>(
                rows.stream().map(request -> "#" + request.index()).toList());
        bystanders.forEach(bystander -> labels.add("b" + bystander.index()));
        ChartStyle.labelRows(chart, labels);
        return chart;
    }

    private static void segment(
            XYChart chart, String name, double from, double to, double y, Color colour, BasicStroke bar) {
        if (!(to > from)) {
            return;
        }
        XYSeries series = chart.addSeries(name, new double[] {from, to}, new double[] {y, y});
        series.setLineColor(colour);
        series.setLineStyle(bar);
        series.setMarker(SeriesMarkers.NONE);
        series.setShowInLegend(false);
    }

    private static void legend(XYChart chart, String name, Color colour) {
        ChartStyle.legendOnly(chart, name, colour, new BasicStroke(10f));
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
