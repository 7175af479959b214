package dev.loopbench.clientcost;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * CPU time (user + system, all threads) of a process: the measure of cost that does not depend on
 * how busy the machine is, where wall-clock time does.
 */
final class CpuTime {

    private CpuTime() {}

    /** This JVM's CPU time in nanoseconds; -1 when the JVM does not say. */
    static long ofThisProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Another process's CPU time in nanoseconds (on Linux in steps of a clock tick, 10 ms); -1 when unknown. */
    static long ofProcess(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
