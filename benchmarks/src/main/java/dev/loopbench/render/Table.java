package dev.loopbench.render;

import java.util.List;

/** A plain-text table with aligned columns: 'l' left, 'r' right. */
public final class Table {

    private Table() {}

    public static String render(List<String[]> rows, String alignment) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = rows.get(r)[c];
                String padding = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(alignment.charAt(c) == 'r' ? padding + cell : cell + padding);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
                }
                out.append(rule).append('\n');
            }
        }
        return out.toString();
    }
}
