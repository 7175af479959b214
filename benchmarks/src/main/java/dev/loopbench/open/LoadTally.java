package dev.loopbench.open;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one sender measured, and by {@link #add} what all of them did. Only measured requests
 * (scheduled after the warm-up) count, except in {@link #answeredInWindow}. Every measured
 * request is in {@link #latencyNanos} exactly once: answered, failed or timed out.
 */
final class LoadTally {

    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final int SIGNIFICANT_DIGITS = 3;

    /** From each request's scheduled time to its answer, its failure, or the deadline. */
    final Histogram latencyNanos = histogram();

    /** The same, split by the second of the schedule the request was due in. */
    final Histogram[] intervals;

    /** How late each request went out after its scheduled time. */
    final Histogram lagNanos = histogram();

    long scheduled;
    long succeeded;
    long errors;
    long timeouts;
    /** Timeouts that were never sent: the sender's event loop did not get to them before the deadline. */
    long unsent;
    /** 2xx answers, warm-up requests' included, that arrived within the measured window: the achieved rate. */
    long answeredInWindow;
    /** Requests sent while every connection the client may open was busy: they waited in the client. */
    long queuedInClient;

    long peakInFlight;
    long firstSendNanos = Long.MAX_VALUE;
    long lastSendNanos = Long.MIN_VALUE;
    String firstError;

    LoadTally(int intervalCount) {
        intervals = new Histogram[intervalCount];
        for (int i = 0; i < intervalCount; i++) {
            intervals[i] = histogram();
        }
    }

    /** Auto-resizing: it grows to the largest value seen, 3 digits (0.1%) at any latency. */
    static Histogram histogram() {
        return new Histogram(SIGNIFICANT_DIGITS);
    }

    void recordLatency(long sinceMeasuredStartNanos, long latencyNanos) {
        long value = Math.max(1, latencyNanos);
        this.latencyNanos.recordValue(value);
        int interval = (int) Math.min(intervals.length - 1, Math.max(0, sinceMeasuredStartNanos / INTERVAL_NANOS));
        intervals[interval].recordValue(value);
    }

    void recordError(String error) {
        errors++;
        if (firstError == null) {
            firstError = error;
        }
    }

    void add(LoadTally other) {
        latencyNanos.add(other.latencyNanos);
        for (int i = 0; i < intervals.length; i++) {
            intervals[i].add(other.intervals[i]);
        }
        lagNanos.add(other.lagNanos);
        scheduled += other.scheduled;
        succeeded += other.succeeded;
        errors += other.errors;
        timeouts += other.timeouts;
        unsent += other.unsent;
        answeredInWindow += other.answeredInWindow;
        queuedInClient += other.queuedInClient;
        peakInFlight += other.peakInFlight; // an upper bound: the senders' peaks need not coincide
        firstSendNanos = Math.min(firstSendNanos, other.firstSendNanos);
        lastSendNanos = Math.max(lastSendNanos, other.lastSendNanos);
        if (firstError == null) {
            firstError = other.firstError;
        }
    }
}
