package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.server.handlers.CpuBurn;
import dev.loopbench.server.handlers.WorkDone;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A compute handler's burn")
class CpuBurnTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    @DisplayName("uses ms of the calling thread's CPU time, overshooting by less than 1 ms")
    void burnsTheThreadsCpuTime() {
        for (int i = 0; i < 20; i++) {
            CpuBurn.forMillis(5); // compiled, a chunk between two looks at the clock is some 30 µs
        }
        int ms = 30;
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        WorkDone burnt = CpuBurn.forMillis(ms);
        double cpuMillis = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
        double wallMillis = (burnt.finishedNanos() - burnt.startedNanos()) / 1e6;
        String context = String.format(
                Locale.ROOT, "burn of %d ms: %.3f ms of CPU, %.3f ms of wall clock", ms, cpuMillis, wallMillis);
        assertTrue(cpuMillis >= ms && cpuMillis < ms + 1, context);
        // the CPU reading spans more than the burn's own start and finish (the calls around it, a
        // safepoint): 30.461 ms of CPU against 30.132 of wall once on a fresh CI machine
        assertTrue(wallMillis >= cpuMillis - 1, "the wall clock cannot run slower than the CPU: " + context);
        assertEquals(Thread.currentThread().getName(), burnt.thread(), context);
    }

    @Test
    @DisplayName("of 0 ms returns at once")
    void zeroReturnsAtOnce() {
        WorkDone burnt = CpuBurn.forMillis(0);
        assertTrue(burnt.finishedNanos() - burnt.startedNanos() < TimeUnit.MILLISECONDS.toNanos(5), burnt.toString());
    }
}
