package dev.loopbench.hyperfoil.local;

import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.http.statistics.HttpStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * What Hyperfoil measured for one phase and metric. Latencies are Hyperfoil's response times:
 * from the moment the request was started (before it waits for a free connection) until the
 * last byte of the response was parsed, in milliseconds.
 *
 * <p>Hyperfoil records the response time of every response, whatever its status, so the
 * latencies of a row with failed requests mix failures in: such a row has no score (the table
 * shows none; the JSON keeps the numbers and says {@code failed}).
 */
record PhaseStatistics(
        String phase,
        String metric,
        boolean warmup,
        int iterations,
        long requests,
        long responses,
        long status2xx,
        long status3xx,
        long status4xx,
        long status5xx,
        long statusOther,
        long timeouts,
        long connectionErrors,
        long internalErrors,
        double blockedMillis,
        double p50Millis,
        double p99Millis,
        double maxMillis,
        double meanMillis,
        Histogram histogram) {

    private static final double NANOS_PER_MILLI = 1e6;

    static PhaseStatistics of(String phase, String metric, boolean warmup, int iterations, StatisticsSnapshot s) {
        HttpStats http = HttpStats.get(s);
        Histogram latencies = s.histogram.copy();
        boolean empty = latencies.getTotalCount() == 0;
        return new PhaseStatistics(
                phase,
                metric,
                warmup,
                iterations,
                s.requestCount,
                s.responseCount,
                http.status_2xx,
                http.status_3xx,
                http.status_4xx,
                http.status_5xx,
                http.status_other,
                s.requestTimeouts,
                s.connectionErrors,
                s.internalErrors,
                s.blockedTime / NANOS_PER_MILLI,
                empty ? Double.NaN : latencies.getValueAtPercentile(50) / NANOS_PER_MILLI,
                empty ? Double.NaN : latencies.getValueAtPercentile(99) / NANOS_PER_MILLI,
                empty ? Double.NaN : latencies.getMaxValue() / NANOS_PER_MILLI,
                empty ? Double.NaN : latencies.getMean() / NANOS_PER_MILLI,
                latencies);
    }

    /** Responses whose status was not 2xx. */
    long non2xx() {
        return status3xx + status4xx + status5xx + statusOther;
    }

    /**
     * Failed requests: non-2xx responses, timeouts, connection failures and Hyperfoil's internal
     * errors. A timed-out request is counted once: Hyperfoil closes its connection and also
     * counts that as a connection error, so the connection errors beyond the timeouts are added.
     */
    long errors() {
        return non2xx() + timeouts + Math.max(0, connectionErrors - timeouts) + internalErrors;
    }

    boolean failed() {
        return errors() > 0 || requests == 0;
    }

    /** One line saying what failed, for stderr; empty when nothing did. */
    Optional<String> failure() {
        if (requests == 0) {
            return Optional.of("phase " + phase + " (" + metric + ") sent no request");
        }
        if (errors() == 0) {
            return Optional.empty();
        }
        List<String> kinds = new ArrayList<>();
        addKind(kinds, status3xx, "HTTP 3xx");
        addKind(kinds, status4xx, "HTTP 4xx");
        addKind(kinds, status5xx, "HTTP 5xx");
        addKind(kinds, statusOther, "other HTTP status");
        addKind(kinds, timeouts, "timed out");
        addKind(kinds, Math.max(0, connectionErrors - timeouts), "connection failed");
        addKind(kinds, internalErrors, "Hyperfoil internal error");
        return Optional.of("phase " + phase + " (" + metric + "): " + errors() + " of " + requests
                + " requests failed (" + String.join(", ", kinds) + "); a failed request is never a fast one,"
                + " so this phase has no score");
    }

    private static void addKind(List<String> kinds, long count, String kind) {
        if (count > 0) {
            kinds.add(count + " " + kind);
        }
    }
}
