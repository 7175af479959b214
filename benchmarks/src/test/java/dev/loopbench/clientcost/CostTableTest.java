package dev.loopbench.clientcost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The harness comparison's table")
class CostTableTest {

    @Test
    @DisplayName("prints each row in the columns it always had, wrk beside loopbench")
    void rowsKeepTheirColumns() {
        CostRow row = new CostRow(256, 51234, 5.0, 6.0, 5.5, 7.25, 60, 10.04, 20.0, 12.0, 21.0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CostTable.print(ComparisonOptions.defaults(), List.of(row), true, new PrintStream(bytes, true));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // what the printf of "%6s  %10s  %10s  %14s  %14s  %6s  %17s  %17s  %9s" printed, less trailing spaces
        assertEquals(
                "     N   wrk req/s    wrk ms/N    loopbench ms      (min..max)   ratio      client us/req      server us/req  CPU ratio",
                lines.get(0));
        assertEquals(
                "                                      (median)                            loopbench | wrk    loopbench | wrk",
                lines.get(1));
        assertEquals(
                "   256       51234        5.00            6.00      5.50..7.25    1.20        12.0 | 10.0        21.0 | 20.0       1.10",
                lines.get(2));
    }
}
