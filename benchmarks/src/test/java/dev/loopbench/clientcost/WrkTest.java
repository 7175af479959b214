package dev.loopbench.clientcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WrkTest {

    private static final String OUTPUT =
            """
            Running 5s test @ http://127.0.0.1:42123/timer?ms=0
              1 threads and 1000 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    37.05ms   41.96ms 368.07ms   91.13%
                Req/Sec    25.44k    11.02k   45.72k    61.36%
              120535 requests in 5.12s, 32.76MB read
            Requests/sec:  23554.36
            Transfer/sec:      6.40MB
            harness-child-cpu: 100 1234 (sh) S 1 2 3 4 5 6 7 8 9 10 11 12 250 150 20 0 1 0
            """;

    @Test
    void readsRateRequestsAndCpu() throws IOException {
        Wrk.Run run = Wrk.parse(OUTPUT);
        assertEquals(120_535, run.requests());
        assertEquals(23_554.36, run.requestsPerSecond(), 1e-9);
        assertEquals(0, run.errors());
        assertEquals(4.0e9, run.wrkCpuNanos(), 1); // 250 + 150 ticks of 10 ms
    }

    @Test
    void countsErrors() throws IOException {
        String withErrors = OUTPUT.replace(
                "Requests/sec",
                "  Socket errors: connect 0, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 5\nRequests/sec");
        assertEquals(10, Wrk.parse(withErrors).errors());
    }

    @Test
    void withoutProcStatTheCpuIsUnknown() throws IOException {
        assertTrue(Double.isNaN(
                Wrk.parse(OUTPUT.replaceAll("harness-child-cpu.*", "")).wrkCpuNanos()));
    }

    @Test
    void refusesOutputWithoutARate() {
        assertThrows(IOException.class, () -> Wrk.parse("unable to connect to 127.0.0.1:1 Connection refused"));
    }
}
