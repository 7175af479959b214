package dev.loopbench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A text table")
class TableTest {

    private static final List<String[]> ROWS =
            List.of(new String[] {"handler", "N"}, new String[] {"timer", "1000"}, new String[] {"a|b", "8"});

    @Test
    @DisplayName("aligns each column to its widest cell, with a rule under the header and no trailing spaces")
    void rendersAligned() {
        assertEquals(
                "handler     N\n" + "-------  ----\n" + "timer    1000\n" + "a|b         8\n",
                Table.render(ROWS, "lr"));
    }

    @Test
    @DisplayName("printed a row at a time keeps its widths, as printf would, and a wider cell pushes the rest right")
    void fixedColumns() {
        Table.Columns columns = Table.columns("lr", " ", 6, 4);
        assertEquals(String.format("%-6s %4s", "timer", "16"), columns.line("timer", "16"));
        assertEquals("event-loop-sleep    1", columns.line("event-loop-sleep", "1"));
        assertEquals("N", Table.columns("ll", "  ", 3, 3).line("N", ""));
    }

    @Test
    @DisplayName("as Markdown, aligns by the same letters and escapes a bar inside a cell")
    void markdown() {
        assertEquals("| handler | N |\n|---|---:|\n| timer | 1000 |\n| a\\|b | 8 |\n", Table.markdown(ROWS, "lr"));
    }
}
