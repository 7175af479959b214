package dev.loopbench.client;

import java.util.Locale;
import java.util.function.Consumer;
import org.HdrHistogram.Recorder;

/**
 * Fires waves of simultaneous GETs and says when the last one answered. Two implementations,
 * chosen by the benchmark's {@code @Param client}: {@link Kind#CORE} (the default), Vert.x's core
 * {@code HttpClient} with one connection of its own per request of the wave; {@link Kind#WEB}, the
 * Vert.x Web Client, whose own cost is worth knowing because many services call others with it.
 * Either way every answer's status is checked and every successful request's latency recorded, and
 * a failed or missing answer is counted in the {@link Wave}, never dropped.
 */
public sealed interface WaveClient extends AutoCloseable permits ClientLoops {

    /** Which client sends the wave: the {@code @Param client} values. */
    enum Kind {
        CORE,
        WEB;

        /** The {@code @Param} value: {@code core} or {@code web}. */
        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String param) {
            for (Kind kind : values()) {
                if (kind.param().equals(param)) {
                    return kind;
                }
            }
            throw new CellUnusable("client must be core or web, got " + param);
        }
    }

    /**
     * One wave: when it started, when its last response arrived, and what failed; and when the
     * client's loops reached its first and its last request, which splits the wave into the
     * client's dispatch (a loop's wake-up, then the sending) and the answers.
     */
    record Wave(
            long startNanos,
            long lastResponseNanos,
            int requests,
            int failures,
            String firstError,
            long firstSentNanos,
            long lastSentNanos) {

        public double millis() {
            return (lastResponseNanos - startNanos) / 1e6;
        }

        /** From the start to the moment the client's loops reached the last request of the wave. */
        public double dispatchMillis() {
            return (lastSentNanos - startNanos) / 1e6;
        }

        /** From the start to the first request reached: how long the first client loop took to wake up. */
        public double wakeUpMillis() {
            return (firstSentNanos - startNanos) / 1e6;
        }
    }

    /** One answered request, for those who look at requests one by one (the timeline). */
    record Answer(long sentNanos, long receivedNanos, int status, String body, String error) {}

    /**
     * @param requestUrl    the full URL every request of the wave GETs
     * @param latencyNanos where each successful request's latency goes, in nanoseconds (the unit
     *     HdrHistogram's log tools assume)
     */
    static WaveClient open(Kind kind, String requestUrl, int concurrency, long timeoutMs, Recorder latencyNanos) {
        return kind == Kind.WEB
                ? new WebWaveClient(requestUrl, concurrency, timeoutMs, latencyNanos)
                : new CoreWaveClient(requestUrl, concurrency, timeoutMs, latencyNanos);
    }

    /** The default client, {@link Kind#CORE}. */
    static WaveClient open(String requestUrl, int concurrency, long timeoutMs, Recorder latencyNanos) {
        return open(Kind.CORE, requestUrl, concurrency, timeoutMs, latencyNanos);
    }

    default Wave fire() throws InterruptedException {
        return fire(null);
    }

    /**
     * Fires a wave and hands every answer to {@code answers} too, from the client's event loops;
     * with answers, the bodies are read (without, the core client reads none).
     */
    Wave fire(Consumer<Answer> answers) throws InterruptedException;

    /** Connections opened and not closed since the client was created. */
    int openConnections();

    /** Answers that closed their connection ({@code Connection: close}, or HTTP/1.0 without keep-alive). */
    int closingAnswers();

    /** The Netty transport the client's event loops use: {@code epoll}, {@code io_uring} or {@code nio}. */
    String transport();

    int connectionsOpened();

    /**
     * Generous: a request may queue behind the whole wave on one lane, and then some.
     *
     * @param predictedMillis the model's wave time; NaN when unknown, then one lane is assumed
     */
    static long timeoutMillis(int concurrency, int delayMs, double predictedMillis) {
        double worstCase = Double.isNaN(predictedMillis) ? (double) concurrency * delayMs : predictedMillis;
        return (long) Math.max(30_000, 3 * worstCase);
    }
}
