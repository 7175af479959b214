package dev.loopbench.render;

import java.util.List;

/**
 * Every text table the tools print: aligned columns ({@link #render}), columns of fixed widths for
 * rows printed as they come ({@link #columns}), and Markdown ({@link #markdown}). An alignment
 * string has a letter per column: 'l' left, 'r' right. The HTML form of the same rows is
 * {@link HtmlReport#table}.
 */
public final class Table {

    private Table() {}

    /** The header, a rule of dashes under it, then the rows; each column as wide as its widest cell. */
    public static String render(List<String[]> rows, String alignment) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        Columns aligned = new Columns(alignment, "  ", widths);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append(aligned.line(rows.get(r))).append('\n');
            if (r == 0) {
                String[] rule = new String[columns];
                for (int c = 0; c < columns; c++) {
                    rule[c] = "-".repeat(widths[c]);
                }
                out.append(aligned.line(rule)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * For a table printed a row at a time, while it is measured, so that no row waits for the
     * widest: each column at least its width, a wider cell pushing the rest of its line right.
     */
    public static Columns columns(String alignment, String gap, int... widths) {
        return new Columns(alignment, gap, widths.clone());
    }

    /** A GitHub Markdown table; a {@code |} inside a cell is escaped. */
    public static String markdown(List<String[]> rows, String alignment) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (String cell : rows.get(r)) {
                out.append(' ').append(cell.replace("|", "\\|")).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int c = 0; c < alignment.length(); c++) {
                    out.append(alignment.charAt(c) == 'r' ? "---:|" : "---|");
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** Columns of given widths; see {@link #columns}. */
    public static final class Columns {

        private final String alignment;
        private final String gap;
        private final int[] widths;

        private Columns(String alignment, String gap, int[] widths) {
            if (alignment.length() != widths.length) {
                throw new IllegalArgumentException(
                        "alignment '" + alignment + "' has no letter for each of " + widths.length + " columns");
            }
            this.alignment = alignment;
            this.gap = gap;
            this.widths = widths;
        }

        /** One row, without trailing spaces. */
        public String line(String... cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = cells[c];
                String padding = " ".repeat(Math.max(0, widths[c] - cell.length()));
                line.append(c == 0 ? "" : gap).append(alignment.charAt(c) == 'r' ? padding + cell : cell + padding);
            }
            return line.toString().stripTrailing();
        }
    }
}
