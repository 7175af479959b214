package dev.loopbench.clientcost;

import dev.loopbench.client.WaveClient;
import dev.loopbench.model.Statistics;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Recorder;

/**
 * One sample of the wave client in a JVM of its own, for before/after comparisons of client
 * changes: two builds' jars run in turns against one server process, and their medians compared.
 *
 * <pre>
 * java -cp benchmarks.jar dev.loopbench.clientcost.WaveSample URL N WARMUP_WAVES WAVES [SERVER_PID]
 * </pre>
 * prints {@code median-ms=... client-us/req=... server-us/req=...} and the CPU per request of
 * each group of threads of the client and, with its pid, of the server.
 */
public final class WaveSample {

    private WaveSample() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int concurrency = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int waves = Integer.parseInt(args[3]);
        long serverPid = args.length > 4 ? Long.parseLong(args[4]) : -1;
        WaveClient.Kind kind = WaveClient.Kind.parse(System.getProperty("loopbench.client", "core"));
        long self = ProcessHandle.current().pid();
        List<Double> millis = new ArrayList<>();
        List<Double> wakeUps = new ArrayList<>();
        List<Double> dispatches = new ArrayList<>();
        try (WaveClient client =
                WaveClient.open(kind, url, concurrency, WaveClient.timeoutMillis(concurrency, 0, 0), new Recorder(3))) {
            for (int i = 0; i < warmup; i++) {
                check(client.fire());
            }
            Map<String, Long> clientBefore = ThreadCpu.byGroup(self);
            Map<String, Long> serverBefore = serverPid > 0 ? ThreadCpu.byGroup(serverPid) : Map.of();
            long allocatedBefore = allocatedBytes();
            for (int i = 0; i < waves; i++) {
                WaveClient.Wave wave = check(client.fire());
                millis.add(wave.millis());
                wakeUps.add(wave.wakeUpMillis());
                dispatches.add(wave.dispatchMillis());
            }
            long allocated = allocatedBytes() - allocatedBefore;
            Map<String, Long> clientCpu = ThreadCpu.since(clientBefore, ThreadCpu.byGroup(self));
            Map<String, Long> serverCpu =
                    serverPid > 0 ? ThreadCpu.since(serverBefore, ThreadCpu.byGroup(serverPid)) : Map.of();
            long requests = (long) waves * concurrency;
            System.out.printf(
                    Locale.ROOT,
                    "median-ms=%.3f wake-up-ms=%.3f dispatch-ms=%.3f slowest-ms=%.3f client-bytes/req=%d client-us/req=%.2f server-us/req=%.2f client=%s server=%s%n",
                    Statistics.median(millis),
                    Statistics.median(wakeUps),
                    Statistics.median(dispatches),
                    millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    allocated / requests,
                    total(clientCpu) / 1e3 / requests,
                    total(serverCpu) / 1e3 / requests,
                    perRequest(clientCpu, requests),
                    perRequest(serverCpu, requests));
        }
    }

    /** Bytes allocated so far by the threads alive now (the client's event loops live as long as it does). */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            long[] ids = threads.getAllThreadIds();
            return Arrays.stream(threads.getThreadAllocatedBytes(ids))
                    .filter(bytes -> bytes > 0)
                    .sum();
        }
        return -1;
    }

    private static WaveClient.Wave check(WaveClient.Wave wave) {
        if (wave.failures() > 0) {
            throw new IllegalStateException(
                    wave.failures() + " of " + wave.requests() + " failed, the first with " + wave.firstError());
        }
        return wave;
    }

    private static long total(Map<String, Long> cpu) {
        return cpu.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String perRequest(Map<String, Long> cpu, long requests) {
        StringBuilder text = new StringBuilder("{");
        cpu.forEach((group, nanos) -> {
            if (nanos > 0) {
                text.append(text.length() > 1 ? ", " : "")
                        .append(group)
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%.2f", nanos / 1e3 / requests));
            }
        });
        return text.append('}').toString();
    }
}
