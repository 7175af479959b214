package dev.loopbench.server.handlers;

import java.util.concurrent.TimeUnit;

/**
 * Burns CPU time on the calling thread, whatever thread that is: the compute handlers differ
 * only in where they call it, as the wait handlers do with {@link WorkDone#bySleeping}. "ms of
 * CPU" is the thread's own CPU time, not the wall clock, so a request does the same work however
 * many other threads share the cores; it only takes longer when they do.
 */
public final class CpuBurn {

    /**
     * Steps between two looks at the CPU clock: 33 µs of xorshift here, against about 1 µs for a
     * look (a system call), so a burn overshoots by at most one chunk and the clock costs 3%.
     */
    static final int STEPS_PER_LOOK = 20_000;

    /** Where the result goes, so that the JIT cannot prove the work useless and drop it. */
    private static volatile long sink;

    private CpuBurn() {}

    public static WorkDone forMillis(int ms) {
        long started = System.nanoTime();
        ThreadCpuClock clock = ThreadCpuClock.ofCurrentThread();
        long budget = TimeUnit.MILLISECONDS.toNanos(ms);
        long first = clock.nanos();
        long state = started | 1; // xorshift needs a non-zero state
        while (clock.nanos() - first < budget) {
            state = xorshift(state, STEPS_PER_LOOK);
        }
        sink = state;
        clock.checkStillOnTheSameThread();
        return WorkDone.finishedNow(started);
    }

    /** Marsaglia's xorshift64: each step needs the one before, so it neither folds nor vectorises. */
    private static long xorshift(long state, int steps) {
        long x = state;
        for (int i = 0; i < steps; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
