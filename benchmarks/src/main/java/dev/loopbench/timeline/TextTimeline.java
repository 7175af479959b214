package dev.loopbench.timeline;

import dev.loopbench.render.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timeline as text, one line per request, so that the lesson shows in the terminal: the
 * staircase of a blocking handler next to the single column of a non-blocking one. All waves
 * share one time scale; nothing is wider than the given width.
 */
public final class TextTimeline {

    /** The width of the timeline in files: what any terminal shows. */
    public static final int FILE_WIDTH = 80;

    static final char IN_TRANSIT = '.';
    static final char QUEUED = '-';
    static final char WAITING = '#';
    private static final int INDEX_WIDTH = 5;
    private static final int THREAD_WIDTH = 12;

    private TextTimeline() {}

    public static String render(List<WaveTrace> waves, String header, int width) {
        int bar = Math.max(10, width - INDEX_WIDTH - 2 - 1 - THREAD_WIDTH);
        double scale = waves.stream().mapToDouble(WaveTrace::spanMillis).max().orElse(1);
        Table.Columns rows = Table.columns("rll", " ", INDEX_WIDTH - 1, bar + 2, 0);
        StringBuilder out = new StringBuilder();
        wrap(out, header, width);
        wrap(
                out,
                String.format(
                        Locale.ROOT,
                        "One row per request, in the order the server started them; %s = between"
                                + " client and server (in flight, or unread in the socket), %s = queued in the server, %s = the wait;"
                                + " on the right the thread that waited. Rows b1, b2, ...: bystanders, cheap requests on"
                                + " connections of their own, from sent to answered.",
                        IN_TRANSIT,
                        QUEUED,
                        WAITING),
                width);
        for (WaveTrace wave : waves) {
            out.append('\n');
            String model = Double.isNaN(wave.predictedMillis())
                    ? "model ?"
                    : String.format(Locale.ROOT, "model %.0f ms", wave.predictedMillis());
            wrap(
                    out,
                    String.format(Locale.ROOT, "%s: %s, measured %.0f ms", wave.handler(), model, wave.millis()),
                    width);
            out.append(scaleLine(bar, scale)).append('\n');
            for (RequestTrace request : wave.byStart()) {
                out.append(rows.line(
                                "#" + request.index(),
                                "|" + bar(request, bar, scale) + "|",
                                clip(ThreadNames.shorten(request.thread()))))
                        .append('\n');
            }
            for (BystanderTrace bystander : wave.bystanders()) {
                out.append(rows.line("b" + bystander.index(), "|" + bar(bystander, bar, scale) + "|", "bystander"))
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String bar(RequestTrace request, int width, double scale) {
        char[] cells = new char[width];
        for (int c = 0; c < width; c++) {
            double t = (c + 0.5) * scale / width;
            cells[c] = at(request, t);
        }
        return new String(cells);
    }

    private static String bar(BystanderTrace bystander, int width, double scale) {
        char[] cells = new char[width];
        for (int c = 0; c < width; c++) {
            double t = (c + 0.5) * scale / width;
            cells[c] = t >= bystander.sent() && t < bystander.answered() ? IN_TRANSIT : ' ';
        }
        return new String(cells);
    }

    /** What the request was doing at time t. */
    static char at(RequestTrace request, double t) {
        if (request.hasServerTimes()) {
            if (t >= request.started() && t < request.finished()) {
                return WAITING;
            }
            if (t >= request.received() && t < request.started()) {
                return QUEUED;
            }
        }
        if (t >= request.sent() && t < request.answered()) {
            return IN_TRANSIT;
        }
        return ' ';
    }

    private static String scaleLine(int bar, double scale) {
        String left = "0 ms";
        String right = String.format(Locale.ROOT, "%.0f ms", scale);
        int gap = Math.max(1, bar + 2 - left.length() - right.length());
        return " ".repeat(INDEX_WIDTH) + left + " ".repeat(gap) + right;
    }

    private static String clip(String thread) {
        return thread.length() <= THREAD_WIDTH ? thread : thread.substring(0, THREAD_WIDTH);
    }

    private static void wrap(StringBuilder out, String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        lines.add(line.toString());
        lines.forEach(
                l -> out.append(l.length() <= width ? l : l.substring(0, width)).append('\n'));
    }
}
