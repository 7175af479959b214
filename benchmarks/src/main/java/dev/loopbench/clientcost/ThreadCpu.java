package dev.loopbench.clientcost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a process's threads, grouped by what they do (event loops, GC, JIT, ...), read from
 * {@code /proc/PID/task/*}: where a process's CPU went, without a profiler. Linux only; elsewhere
 * empty. In clock ticks of 10 ms, so it suits totals over thousands of requests.
 */
final class ThreadCpu {

    private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on every Linux we run on

    private ThreadCpu() {}

    /** CPU nanoseconds per group of threads, user and system (kernel) apart; threads that ended before the reading are not in it. */
    static Map<String, Long> byGroup(long pid) {
        Map<String, Long> groups = new TreeMap<>();
        Path tasks = Path.of("/proc", String.valueOf(pid), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close);
                    String[] fields = stat.substring(close + 1).trim().split("\\s+");
                    String group = group(name);
                    groups.merge(group + " user", Long.parseLong(fields[11]) * NANOS_PER_TICK, Long::sum);
                    groups.merge(group + " sys", Long.parseLong(fields[12]) * NANOS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we read
                }
            });
        } catch (IOException notLinux) {
            return Map.of();
        }
        return groups;
    }

    /** The difference of two readings, per group. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((group, nanos) -> difference.put(group, nanos - before.getOrDefault(group, 0L)));
        return difference;
    }

    static String group(String threadName) {
        if (threadName.startsWith("vert.x-eventloo") || threadName.startsWith("vert.x-acceptor")) {
            return "event loops";
        }
        if (threadName.startsWith("GC Thread")) {
            return "GC workers";
        }
        if (threadName.startsWith("G1 Refine")) {
            return "G1 refinement";
        }
        if (threadName.startsWith("G1 ") || threadName.startsWith("VM ")) {
            return "G1 and VM others";
        }
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (threadName.equals("java") || threadName.equals("main")) {
            return "main";
        }
        return "other";
    }
}
