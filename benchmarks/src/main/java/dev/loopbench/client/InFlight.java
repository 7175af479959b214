package dev.loopbench.client;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** The answers a wave still waits for, counted from the client's event loops; the benchmark thread waits for the last. */
final class InFlight {

    private final int requests;
    private final AtomicInteger remaining;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private final AtomicLong lastResponse = new AtomicLong();
    private final AtomicLong firstSent = new AtomicLong();
    private final AtomicLong lastSent = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);

    InFlight(int requests) {
        this.requests = requests;
        remaining = new AtomicInteger(requests);
    }

    /**
     * On a client loop: sends its {@code count} requests of the wave, marking when it reached the
     * first and the last. Marked once per loop and not per request: the loops would contend for
     * those two shared counters 2N times a wave, on the path that is measured.
     */
    void sendEach(int count, IntConsumer send) {
        int last = count - 1;
        for (int i = 0; i <= last; i++) {
            if (i == 0 || i == last) {
                sending(System.nanoTime());
            }
            send.accept(i);
        }
    }

    private void sending(long nanos) {
        firstSent.compareAndSet(0, nanos);
        lastSent.accumulateAndGet(nanos, Math::max);
    }

    /** @param error null for a success */
    void answered(long receivedNanos, String error) {
        lastResponse.accumulateAndGet(receivedNanos, Math::max);
        if (error != null) {
            failures.incrementAndGet();
            firstError.compareAndSet(null, error);
        }
        if (remaining.decrementAndGet() == 0) {
            done.countDown();
        }
    }

    /** The wave, once every answer came; a missing answer after {@code deadlineMs} fails the cell. */
    WaveClient.Wave await(long startNanos, long deadlineMs, String what) throws InterruptedException {
        if (!done.await(deadlineMs, TimeUnit.MILLISECONDS)) {
            throw new CellUnusable("a wave of " + requests + " " + what + " had " + remaining.get()
                    + " requests unanswered after " + deadlineMs + " ms");
        }
        return new WaveClient.Wave(
                startNanos,
                lastResponse.get(),
                requests,
                failures.get(),
                firstError.get(),
                firstSent.get(),
                lastSent.get());
    }

    /** {@code HTTP 503 {"error": ...}}: the status and the start of the body, when there is one. */
    static String describe(int status, String body) {
        if (body != null && body.length() > 200) {
            body = body.substring(0, 200) + "...";
        }
        return "HTTP " + status + (body == null || body.isBlank() ? "" : " " + body.strip());
    }

    static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }
}
