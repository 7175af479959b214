package dev.loopbench.client;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * Every request of a wave holds a socket: one in the client and, in-process, one in the server.
 * Past the process's limit of open files the acceptor dies with "Too many open files" and the
 * wave times out after half a minute (N = 12 000 in-process under a limit of 20 000 took 125 s to
 * fail); checked before anything starts, the same cell fails at once and says what to do.
 */
public final class FileDescriptors {

    /** JDK, JMH and Vert.x files, epoll and pipes, the probe and the bystanders' connections. */
    static final long HEADROOM = 256;

    private FileDescriptors() {}

    public static void requireRoomFor(int concurrency, boolean inProcess) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            check(concurrency, inProcess, unix.getMaxFileDescriptorCount(), unix.getOpenFileDescriptorCount());
        }
    }

    static void check(int concurrency, boolean inProcess, long limit, long open) {
        long needed = needed(concurrency, inProcess);
        if (open + needed > limit) {
            throw new CellUnusable(String.format(
                    "concurrency %d needs about %d more open files (%s, plus %d), but this process may open %d and"
                            + " has %d open: raise the limit (ulimit -n %d) before running%s",
                    concurrency,
                    needed,
                    inProcess ? "a socket per request in the client and one in the server" : "a socket per request",
                    HEADROOM,
                    limit,
                    open,
                    roundUp(open + needed),
                    inProcess ? ", or start the server as a process of its own and measure it with --target URL" : ""));
        }
    }

    static long needed(int concurrency, boolean inProcess) {
        return (inProcess ? 2L : 1L) * concurrency + HEADROOM;
    }

    private static long roundUp(long files) {
        return (files + 999) / 1000 * 1000;
    }
}
