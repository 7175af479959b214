package dev.loopbench.server;

import io.vertx.core.Handler;
import io.vertx.core.internal.threadchecker.BlockedThreadEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Vert.x's blocked-thread warnings, made fit for a benchmark. The checker fires every check
 * interval for as long as a thread stays blocked, and a benchmark of event-loop sleep blocks
 * the loops for minutes; printed as they come, the warnings would bury everything else. So the
 * first block of each thread is reported at once with the frame that blocked (that is the
 * lesson), later blocks are counted (one block, however many checks saw it) and summarised
 * once per {@link #SUMMARY_PERIOD}, and what is left is summarised at shutdown.
 */
final class BlockedThreadReporter implements Handler<BlockedThreadEvent> {

    static final Duration SUMMARY_PERIOD = Duration.ofSeconds(10);

    private final PrintStream out;
    private final long summaryPeriodNanos;
    private final long sameBlockToleranceNanos;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private volatile boolean armed;

    BlockedThreadReporter(PrintStream out, long checkIntervalMs) {
        this(out, checkIntervalMs, SUMMARY_PERIOD);
    }

    BlockedThreadReporter(PrintStream out, long checkIntervalMs, Duration summaryPeriod) {
        this.out = out;
        this.summaryPeriodNanos = summaryPeriod.toNanos();
        this.sameBlockToleranceNanos = TimeUnit.MILLISECONDS.toNanos(checkIntervalMs) / 2;
    }

    /** Start reporting: the class loading of start-up is not the blocking this tool is about. */
    void arm() {
        armed = true;
    }

    @Override
    public synchronized void handle(BlockedThreadEvent event) {
        if (!armed) {
            return;
        }
        long now = System.nanoTime();
        long blockStart = now - event.duration();
        String thread = event.thread().getName();
        Tally tally = tallies.get(thread);
        if (tally == null) {
            tallies.put(thread, new Tally(blockStart, now));
            out.printf(
                    "loopbench-server: WARNING %s blocked for %d ms (limit %d ms)%s; later blocks of this thread"
                            + " are summarised every %d s%n",
                    thread,
                    millis(event.duration()),
                    millis(event.maxExecTime()),
                    blamedFrames(event.thread()),
                    TimeUnit.NANOSECONDS.toSeconds(summaryPeriodNanos));
            return;
        }
        if (Math.abs(blockStart - tally.currentBlockStart) > sameBlockToleranceNanos) {
            tally.currentBlockStart = blockStart;
            tally.blocks++;
        }
        tally.longestNanos = Math.max(tally.longestNanos, event.duration());
        tally.limitNanos = event.maxExecTime();
        if (now - tally.lastReport >= summaryPeriodNanos) {
            summarise(thread, tally, now);
        }
    }

    /** Prints what has not been reported yet; called at shutdown. */
    synchronized void flush() {
        long now = System.nanoTime();
        tallies.forEach((thread, tally) -> summarise(thread, tally, now));
    }

    private void summarise(String thread, Tally tally, long now) {
        if (tally.blocks > 0) {
            out.printf(
                    "loopbench-server: WARNING %s blocked %d more time%s in the last %d s (longest %d ms, limit %d ms)%n",
                    thread,
                    tally.blocks,
                    tally.blocks == 1 ? "" : "s",
                    TimeUnit.NANOSECONDS.toSeconds(now - tally.lastReport),
                    millis(tally.longestNanos),
                    millis(tally.limitNanos));
        }
        tally.blocks = 0;
        tally.longestNanos = 0;
        tally.lastReport = now;
    }

    /** The first two frames outside the JDK, Vert.x and Netty: the code that blocked and its caller. */
    private static String blamedFrames(Thread thread) {
        StringBuilder blamed = new StringBuilder();
        int found = 0;
        for (StackTraceElement frame : thread.getStackTrace()) {
            String type = frame.getClassName();
            if (!type.startsWith("java.")
                    && !type.startsWith("jdk.")
                    && !type.startsWith("sun.")
                    && !type.startsWith("io.vertx.")
                    && !type.startsWith("io.netty.")) {
                blamed.append(found == 0 ? " at " : " <- ")
                        .append(type)
                        .append('.')
                        .append(frame.getMethodName())
                        .append('(')
                        .append(frame.getFileName())
                        .append(':')
                        .append(frame.getLineNumber())
                        .append(')');
                if (++found == 2) {
                    break;
                }
            }
        }
        return blamed.toString();
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static final class Tally {
        long currentBlockStart;
        long lastReport;
        long blocks;
        long longestNanos;
        long limitNanos;

        Tally(long currentBlockStart, long lastReport) {
            this.currentBlockStart = currentBlockStart;
            this.lastReport = lastReport;
        }
    }
}
