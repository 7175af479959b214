package dev.loopbench.report;

import dev.loopbench.jmh.JmhResult;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.render.HandlerLooks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The wave-time chart in plain text, log-log, for the terminal and for files that stay text:
 * one letter per handler, the letters of handlers that measured alike side by side, {@code +}
 * where only the model is.
 */
public final class TextChart {

    static final int PLOT_WIDTH = 60;
    static final int PLOT_HEIGHT = 16;

    private TextChart() {}

    public static String waveTime(List<JmhResult> results) {
        List<WaveLines.Line> lines = WaveLines.of(results);
        if (lines.isEmpty()) {
            return "";
        }
        ControlTimes controls = ControlTimes.of(results);
        double minN = Double.MAX_VALUE;
        double maxN = 0;
        double minT = Double.MAX_VALUE;
        double maxT = 0;
        for (WaveLines.Line line : lines) {
            for (JmhResult cell : line.cells()) {
                double n = Double.parseDouble(cell.param("concurrency"));
                minN = Math.min(minN, n);
                maxN = Math.max(maxN, n);
                for (double t : new double[] {cell.primary().score(), controls.model(cell)}) {
                    if (t > 0) {
                        minT = Math.min(minT, t);
                        maxT = Math.max(maxT, t);
                    }
                }
            }
        }
        // per row, per column: the letters of the handlers measured there; "+" where only the model is
        List<TreeMap<Integer, StringBuilder>> rows = new ArrayList<>();
        for (int row = 0; row < PLOT_HEIGHT; row++) {
            rows.add(new TreeMap<>());
        }
        List<int[]> modelPoints = new ArrayList<>();
        Map<String, Character> legend = new LinkedHashMap<>();
        char spare = 'a';
        for (WaveLines.Line line : ordered(lines)) {
            Optional<HandlerStyle> style = HandlerStyle.fromPath(line.handler());
            char letter = style.isPresent()
                            && !legend.containsValue(
                                    HandlerLooks.of(style.get()).letter())
                    ? HandlerLooks.of(style.get()).letter()
                    : spare++; // a second line of one handler, such as the control, gets a letter of its own
            legend.put(line.name(), letter);
            for (JmhResult cell : line.cells()) {
                int x = position(Double.parseDouble(cell.param("concurrency")), minN, maxN, PLOT_WIDTH);
                double model = controls.model(cell);
                if (model > 0) {
                    modelPoints.add(new int[] {position(model, minT, maxT, PLOT_HEIGHT), x});
                }
                StringBuilder letters = rows.get(position(cell.primary().score(), minT, maxT, PLOT_HEIGHT))
                        .computeIfAbsent(x, key -> new StringBuilder());
                if (letters.indexOf(String.valueOf(letter)) < 0) {
                    letters.append(letter);
                }
            }
        }
        for (int[] point : modelPoints) {
            rows.get(point[0]).putIfAbsent(point[1], new StringBuilder("+"));
        }
        StringBuilder out = new StringBuilder("wave time, ms (log scale) against concurrency N (log scale)\n");
        for (int row = PLOT_HEIGHT - 1; row >= 0; row--) {
            String label = row == PLOT_HEIGHT - 1 ? format(maxT) : row == 0 ? format(minT) : "";
            out.append(String.format(Locale.ROOT, "%7s |", label))
                    .append(render(rows.get(row)))
                    .append('\n');
        }
        out.append("        +").append("-".repeat(PLOT_WIDTH + 4)).append('\n');
        out.append(axisLabels(lines, minN, maxN)).append('\n');
        List<String> entries = new ArrayList<>();
        legend.forEach((name, letter) -> entries.add(letter + " " + name));
        entries.add("+ the model, where no measurement sits on it");
        out.append(wrap(entries, 9, 80));
        return out.toString();
    }

    /** The letters of one row, each group at its column, pushed right when the previous one is in the way. */
    private static String render(TreeMap<Integer, StringBuilder> row) {
        StringBuilder line = new StringBuilder();
        row.forEach((x, letters) -> {
            if (line.length() < x) {
                line.append(" ".repeat(x - line.length()));
            } else if (line.length() > 0) {
                line.append(' ');
            }
            line.append(letters);
        });
        return line.toString();
    }

    /** loopbench's handlers in the order of the lesson, so that shared points read E, O, U, T, S, A. */
    private static List<WaveLines.Line> ordered(List<WaveLines.Line> lines) {
        List<WaveLines.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparingInt(line -> Summary.lessonRank(line.handler())));
        return sorted;
    }

    private static int position(double value, double min, double max, int size) {
        if (max <= min) {
            return 0;
        }
        double fraction = (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min));
        return (int) Math.round(fraction * (size - 1));
    }

    private static String axisLabels(List<WaveLines.Line> lines, double minN, double maxN) {
        TreeSet<Double> values = new TreeSet<>();
        lines.forEach(line -> line.cells().forEach(cell -> values.add(Double.parseDouble(cell.param("concurrency")))));
        char[] axis = new char[PLOT_WIDTH + 14];
        Arrays.fill(axis, ' ');
        int free = 0;
        for (double n : values) {
            String text = format(n);
            int at = 9 + position(n, minN, maxN, PLOT_WIDTH) - text.length() / 2;
            if (at >= free && at + text.length() <= axis.length) {
                text.getChars(0, text.length(), axis, at);
                free = at + text.length() + 1;
            }
        }
        return new String(axis).stripTrailing() + "  N";
    }

    private static String format(double value) {
        return value >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    /** The legend entries, as many to a line as fit, never split. */
    private static String wrap(List<String> entries, int indent, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(" ".repeat(indent));
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) + (i < entries.size() - 1 ? "," : "");
            if (line.length() > indent && line.length() + 1 + entry.length() > width) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(" ".repeat(indent));
            }
            line.append(line.length() > indent ? " " : "").append(entry);
        }
        return out.append(line).append('\n').toString();
    }
}
