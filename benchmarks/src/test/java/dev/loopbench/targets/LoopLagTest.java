package dev.loopbench.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The event-loop lag read from /metrics")
class LoopLagTest {

    private static String scrape(long loop0Under1ms, long loop0Under100ms, long loop1Under1ms, double max0) {
        String loop0 = "loop=\"vert.x-eventloop-thread-0\"";
        String loop1 = "loop=\"vert.x-eventloop-thread-1\"";
        return String.join(
                "\n",
                "# HELP loopbench_event_loop_lag_seconds How late a task due on this event loop ran",
                "# TYPE loopbench_event_loop_lag_seconds histogram",
                "loopbench_event_loop_lag_seconds_bucket{" + loop0 + ",le=\"0.001\"} " + loop0Under1ms,
                "loopbench_event_loop_lag_seconds_bucket{" + loop0 + ",le=\"0.1\"} "
                        + (loop0Under1ms + loop0Under100ms),
                "loopbench_event_loop_lag_seconds_bucket{" + loop0 + ",le=\"+Inf\"} "
                        + (loop0Under1ms + loop0Under100ms),
                "loopbench_event_loop_lag_seconds_bucket{" + loop1 + ",le=\"0.001\"} " + loop1Under1ms,
                "loopbench_event_loop_lag_seconds_bucket{" + loop1 + ",le=\"0.1\"} " + loop1Under1ms,
                "loopbench_event_loop_lag_seconds_bucket{" + loop1 + ",le=\"+Inf\"} " + loop1Under1ms,
                "loopbench_event_loop_lag_seconds_max{" + loop0 + "} " + max0,
                "loopbench_event_loop_lag_seconds_max{" + loop1 + "} 0.0004",
                "loopbench_worker_pool_active 0.0");
    }

    @Test
    @DisplayName("takes p99 from the ticks between two scrapes, all loops together, and max from the slowest loop")
    void betweenTwoScrapes() {
        LoopLag.Snapshot before = LoopLag.parse(scrape(1000, 0, 1000, 0.0005)).orElseThrow();
        // meanwhile loop 0 ran 900 ticks on time and 100 late (a blocked loop), loop 1 ran 1000 on time
        LoopLag.Snapshot after = LoopLag.parse(scrape(1900, 100, 2000, 0.0503)).orElseThrow();
        assertEquals(
                100, after.p99MillisSince(before), 1e-9, "5% of the 2000 new ticks were late: p99 in the late bucket");
        assertEquals(0.0503, after.maxSeconds(), 1e-12);
        assertEquals(100, after.maxMillisSince(before), 1e-9, "the highest bucket that gained ticks");
        LoopLag.Snapshot onTime = LoopLag.parse(scrape(2900, 100, 3000, 0.0503)).orElseThrow();
        assertEquals(1, onTime.p99MillisSince(after), 1e-9, "only on-time ticks since: p99 in the first bucket");
        assertEquals(1, onTime.maxMillisSince(after), 1e-9, "the late ticks before it are not this interval's");
    }

    @Test
    @DisplayName("finds nothing in the metrics of a server without a lag probe")
    void otherServers() {
        assertTrue(LoopLag.parse("# HELP http_requests_total\nhttp_requests_total 12\n")
                .isEmpty());
    }

    @Test
    @DisplayName("reads the lag of a live in-process loopbench server from its /metrics")
    void live() throws Exception {
        try (InProcessTarget server = InProcessTarget.start(1)) {
            var scraped = LoopLag.scrape(ProbeClient.client(false, java.time.Duration.ofSeconds(5)), server.baseUrl());
            assertTrue(scraped.isPresent(), "no lag histogram at " + server.baseUrl() + "/metrics");
        }
    }
}
