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
        CostRow row = new CostRow(256, 51234, 5.0, 6.0, 5.5, 7.25, 60, 10.04, 20.0, 12.0, 21.0, "core");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CostTable.print(ComparisonOptions.defaults(), List.of(row), true, new PrintStream(bytes, true));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // what the printf of "%6s  %10s  %10s  %14s  %14s  %6s  %17s  %17s  %9s" printed, less trailing spaces
        assertEquals(
                "     N   wrk req/s    wrk ms/N    loopbench ms      (min..max)   ratio      client us/req      server us/req  CPU ratio  client",
                lines.get(0));
        assertEquals(
                "                                      (median)                            loopbench | wrk    loopbench | wrk",
                lines.get(1));
        assertEquals(
                "   256       51234        5.00            6.00      5.50..7.25    1.20        12.0 | 10.0        21.0 | 20.0       1.10  core",
                lines.get(2));
    }

    @Test
    @DisplayName("says what the Web Client costs per request over the core client at each N")
    void webClientCost() {
        CostRow core = new CostRow(256, 51234, 5.0, 6.0, 5.5, 7.25, 60, 10.04, 20.0, 12.0, 21.0, "core");
        CostRow web = new CostRow(256, 51234, 5.0, 9.0, 8.5, 9.25, 60, 10.04, 20.0, 17.5, 22.0, "web");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CostTable.printWebClientCost(List.of(core, web), new PrintStream(bytes, true));
        assertEquals(
                "harness: the Web Client's own cost at N = 256: +5.5 us of client CPU per request (web 17.5, core 12.0),"
                        + " wave median 9.00 ms against 6.00 (1.50 x)",
                bytes.toString(StandardCharsets.UTF_8).strip(),
                "rows " + core + " and " + web);
    }
}
