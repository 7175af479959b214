package dev.loopbench.timeline;

import dev.loopbench.client.Bystanders;
import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.ServerShape;
import dev.loopbench.model.WaveModel;
import dev.loopbench.server.handlers.WorkReply;
import dev.loopbench.targets.InProcessTarget;
import dev.loopbench.targets.RequestUrls;
import dev.loopbench.targets.Target;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.HdrHistogram.Recorder;

/**
 * Records one warm wave per handler, request by request, with the same client as the benchmark:
 * when each request was sent and answered, and the server's own timestamps and thread.
 */
public final class TimelineRecorder {

    /** Waves at ms=0, then one at D, before the recorded wave: connections open, the JIT past the interpreter. */
    static final int WARM_UP_WAVES = 30;

    private TimelineRecorder() {}

    /**
     * @param bystander a cheap path of the target to send during the recorded wave, on connections of
     *     its own, one per event loop, each at most every D / 2: a handful of rows, not a crowd
     */
    public static WaveTrace record(
            Target target, String handler, int concurrency, int delayMs, Optional<String> bystander) throws Exception {
        String url = RequestUrls.requestUrl(target.baseUrl(), handler, delayMs);
        double predicted = WaveModel.predictedMillis(handler, concurrency, delayMs, target.shape());
        long timeoutMs = WaveClient.timeoutMillis(concurrency, delayMs, predicted);
        try (WaveClient warm = WaveClient.open(
                RequestUrls.requestUrl(target.baseUrl(), handler, 0), concurrency, timeoutMs, new Recorder(3))) {
            for (int i = 0; i < WARM_UP_WAVES; i++) {
                requireNoFailures(warm.fire(), handler);
            }
        }
        ConcurrentLinkedQueue<WaveClient.Answer> answers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<long[]> bystanderAnswers = new ConcurrentLinkedQueue<>();
        try (WaveClient client = WaveClient.open(url, concurrency, timeoutMs, new Recorder(3));
                Bystanders bystanders =
                        bystander.isPresent() ? bystanders(client, target, bystander.get(), delayMs) : null) {
            requireNoFailures(client.fire(), handler); // opens the connections, as in the benchmark
            if (bystanders != null) {
                bystanders.warmUp();
                bystanders.onAnswer((sent, answered) -> bystanderAnswers.add(new long[] {sent, answered}));
                bystanders.start();
            }
            requireNoFailures(client.fire(answers::add), handler);
            if (bystanders != null) {
                bystanders.stop();
                bystanders.awaitIdle(timeoutMs);
            }
        }
        boolean sameClock = target instanceof InProcessTarget; // one JVM, one System.nanoTime
        List<WaveClient.Answer> waveAnswers = new ArrayList<>(answers);
        List<long[]> bystanderTimes = new ArrayList<>(bystanderAnswers);
        // a bystander sent a moment before the wave's first request, and waiting behind it, is the picture's point
        long start = Math.min(
                waveAnswers.stream()
                        .mapToLong(WaveClient.Answer::sentNanos)
                        .min()
                        .orElse(0),
                bystanderTimes.stream().mapToLong(times -> times[0]).min().orElse(Long.MAX_VALUE));
        return new WaveTrace(
                handler,
                concurrency,
                delayMs,
                target.shape().map(ServerShape::toString).orElse("unknown"),
                predicted,
                sameClock,
                traces(waveAnswers, sameClock, start),
                bystanderTraces(bystanderTimes, start));
    }

    private static Bystanders bystanders(WaveClient client, Target target, String path, int delayMs) {
        return new Bystanders(
                client,
                RequestUrls.requestUrl(target.baseUrl(), path),
                target.shape().map(ServerShape::eventLoops).orElse(2),
                Math.max(Bystanders.PERIOD_MILLIS, delayMs / 2),
                new Recorder(3));
    }

    /**
     * Bystanders on the wave's clock (the client's, always), in the order they were sent: those
     * sent from {@link Bystanders#start()} on, the warm-up's never reach the listener.
     *
     * @param start the picture's zero, the first request sent, of the wave or a bystander
     */
    static List<BystanderTrace> bystanderTraces(List<long[]> bystanders, long start) {
        List<long[]> sorted = new ArrayList<>(bystanders);
        sorted.sort(Comparator.comparingLong(times -> times[0]));
        List<BystanderTrace> traces = new ArrayList<>();
        for (long[] times : sorted) {
            traces.add(new BystanderTrace(traces.size() + 1, millis(times[0], start), millis(times[1], start)));
        }
        return traces;
    }

    static List<RequestTrace> traces(List<WaveClient.Answer> answers, boolean sameClock, long start) {
        List<Optional<WorkReply>> replies =
                answers.stream().map(answer -> reply(answer.body())).toList();
        long firstServerReceived = replies.stream()
                .flatMap(Optional::stream)
                .mapToLong(WorkReply::receivedNanos)
                .min()
                .orElse(0);
        // on one clock, server times are client times; otherwise only their differences mean anything
        long serverZero = sameClock ? start : firstServerReceived;
        List<RequestTrace> traces = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            WaveClient.Answer answer = answers.get(i);
            Optional<WorkReply> reply = replies.get(i);
            traces.add(new RequestTrace(
                    i + 1,
                    millis(answer.sentNanos(), start),
                    reply.map(r -> millis(r.receivedNanos(), serverZero)).orElse(Double.NaN),
                    reply.map(r -> millis(r.waited().startedNanos(), serverZero))
                            .orElse(Double.NaN),
                    reply.map(r -> millis(r.waited().finishedNanos(), serverZero))
                            .orElse(Double.NaN),
                    millis(answer.receivedNanos(), start),
                    reply.map(r -> r.waited().thread()).orElse("")));
        }
        return traces;
    }

    /** The server's timestamps when its answer is a loopbench reply; empty for any other body. */
    private static Optional<WorkReply> reply(String body) {
        try {
            return Optional.of(WorkReply.fromJson(new JsonObject(body)));
        } catch (RuntimeException notALoopbenchReply) {
            return Optional.empty();
        }
    }

    private static double millis(long nanos, long zero) {
        return (nanos - zero) / 1e6;
    }

    private static void requireNoFailures(WaveClient.Wave wave, String handler) {
        if (wave.failures() > 0) {
            throw new CellUnusable(handler + ": " + wave.failures() + " of " + wave.requests()
                    + " requests failed, the first with: " + wave.firstError());
        }
    }
}
