package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Blocked-thread warnings")
class BlockedThreadReporterTest {

    private static final long LIMIT = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long CHECK_INTERVAL_MS = 25;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Thread blocked = new Thread(() -> {}, "vert.x-eventloop-thread-7");

    @Test
    @DisplayName("say nothing before the server is started")
    void silentDuringStartUp() {
        BlockedThreadReporter reporter = reporter(Duration.ofSeconds(10));
        reporter.handle(event(60));
        assertEquals("", output());
    }

    @Test
    @DisplayName("show the first block of a thread at once, with its duration and limit")
    void firstBlockAtOnce() {
        BlockedThreadReporter reporter = armed(Duration.ofSeconds(10));
        reporter.handle(event(73));
        assertTrue(output().contains("WARNING vert.x-eventloop-thread-7 blocked for 73 ms (limit 50 ms)"), output());
    }

    @Test
    @DisplayName("count a block seen by several checks once, and summarise later blocks instead of printing each")
    void laterBlocksAreSummarised() throws InterruptedException {
        BlockedThreadReporter reporter = armed(Duration.ofSeconds(10));
        reporter.handle(event(60));
        for (int block = 0; block < 3; block++) {
            Thread.sleep(2 * CHECK_INTERVAL_MS); // a new block starts
            long seen = System.nanoTime();
            reporter.handle(event(55));
            Thread.sleep(CHECK_INTERVAL_MS); // the next check sees the same block, longer
            reporter.handle(event(55 + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - seen)));
        }
        assertEquals(1, output().lines().count(), "only the first block is printed at once:\n" + output());
        reporter.flush();
        assertTrue(output().contains("vert.x-eventloop-thread-7 blocked 3 more times"), output());
        assertTrue(output().contains("limit 50 ms"), output());
    }

    @Test
    @DisplayName("summarise as soon as a summary period has passed")
    void summaryAfterThePeriod() throws InterruptedException {
        BlockedThreadReporter reporter = armed(Duration.ofMillis(1));
        reporter.handle(event(60));
        Thread.sleep(2 * CHECK_INTERVAL_MS);
        reporter.handle(event(70));
        assertTrue(output().contains("blocked 1 more time in the last"), output());
    }

    private BlockedThreadReporter reporter(Duration summaryPeriod) {
        return new BlockedThreadReporter(
                new PrintStream(printed, true, StandardCharsets.UTF_8), CHECK_INTERVAL_MS, summaryPeriod);
    }

    private BlockedThreadReporter armed(Duration summaryPeriod) {
        BlockedThreadReporter reporter = reporter(summaryPeriod);
        reporter.arm();
        return reporter;
    }

    private BlockedThreadEvent event(long blockedMs) {
        return new BlockedThreadEvent(
                blocked, TimeUnit.MILLISECONDS.toNanos(blockedMs), LIMIT, TimeUnit.SECONDS.toNanos(5));
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
