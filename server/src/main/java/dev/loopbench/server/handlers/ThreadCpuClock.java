package dev.loopbench.server.handlers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU time of the thread that runs the caller, in nanoseconds.
 *
 * <p>{@link ThreadMXBean#getCurrentThreadCpuTime()} answers -1 on a virtual thread (so
 * documented, and so on Temurin 25.0.3), so there the clock is the carrier's: a virtual thread
 * that computes never parks, and the JDK does not preempt a running virtual thread, so it stays
 * on one carrier from start to end and that carrier's CPU time over the burn is its own. The
 * carrier is found by the name that {@link Thread#toString()} shows after {@code @} for a
 * mounted virtual thread ({@code VirtualThread[#42,vert.x-virtual-thread-3]/runnable@ForkJoinPool-1-worker-2});
 * {@link #checkStillOnTheSameThread()} fails the request rather than report a wrong time if
 * that assumption ever breaks.
 */
final class ThreadCpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final ThreadCpuClock PLATFORM_THREAD = new ThreadCpuClock(-1, "");
    /** Carrier name to thread id: carriers live long and thread ids are never reused. */
    private static final Map<String, Long> CARRIERS = new ConcurrentHashMap<>();

    private final long carrierId;
    private final String carrierName;

    private ThreadCpuClock(long carrierId, String carrierName) {
        this.carrierId = carrierId;
        this.carrierName = carrierName;
    }

    static ThreadCpuClock ofCurrentThread() {
        if (THREADS.getCurrentThreadCpuTime() >= 0) {
            return PLATFORM_THREAD;
        }
        String carrier = carrierName();
        Long id = CARRIERS.get(carrier);
        if (id == null || THREADS.getThreadCpuTime(id) < 0) { // unknown, or that carrier has ended
            id = findThread(carrier);
            CARRIERS.put(carrier, id);
        }
        return new ThreadCpuClock(id, carrier);
    }

    long nanos() {
        long nanos = carrierId < 0 ? THREADS.getCurrentThreadCpuTime() : THREADS.getThreadCpuTime(carrierId);
        if (nanos < 0) {
            throw new IllegalStateException("the CPU time of " + Thread.currentThread() + " cannot be read");
        }
        return nanos;
    }

    void checkStillOnTheSameThread() {
        if (carrierId >= 0 && !carrierName().equals(carrierName)) {
            throw new IllegalStateException(Thread.currentThread() + " moved from carrier " + carrierName
                    + " while it computed: its carrier's CPU time is not its own");
        }
    }

    private static String carrierName() {
        String self = Thread.currentThread().toString();
        int at = self.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalStateException("Java " + System.getProperty("java.version") + " measures no CPU time for "
                    + self + " and names no carrier thread for it");
        }
        return self.substring(at + 1);
    }

    private static long findThread(String name) {
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().equals(name)) {
                return thread.getThreadId();
            }
        }
        throw new IllegalStateException(
                "no live thread is named " + name + ", the carrier of " + Thread.currentThread());
    }
}
