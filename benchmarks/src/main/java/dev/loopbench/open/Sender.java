package dev.loopbench.open;

import dev.loopbench.client.ConnectionClose;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * One client event loop's share of the schedule. Everything here runs on that loop, so its state
 * needs no locks; the thread that waits on {@code done} reads the tally after the count-down.
 *
 * <p>It never waits for an answer before sending: a timer wakes it when the next request is due
 * and it sends every request that is due by then, each on an idle connection of its
 * {@link ConnectionRing}, opening one when all are busy. Vert.x timers count whole milliseconds,
 * so a request goes out up to about a millisecond after its time, a lag the tally measures.
 */
final class Sender {

    private record Pending(long scheduledNanos, boolean measured) {}

    /** {@code error} is null for a 2xx. */
    private record Answer(String error) {}

    private final Vertx vertx;
    private final Context context;
    private final ConnectionRing ring;
    private final RequestOptions request;
    private final ArrivalSchedule schedule;
    private final LoadSettings settings;
    private final CountDownLatch done;
    /** Sent, or waiting for a connection, and not answered yet. */
    private final Set<Pending> inFlight = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Due while every connection the ring may open was busy, oldest first. */
    private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

    final LoadTally tally;
    private long startNanos;
    private long measuredFromNanos;
    private long endNanos;
    private long deadlineNanos;
    private long deadlineTimer = -1;
    private boolean allSent;
    private boolean finished;

    Sender(
            Context context,
            ConnectionRing ring,
            RequestOptions request,
            ArrivalSchedule schedule,
            LoadSettings settings,
            CountDownLatch done) {
        this.vertx = context.owner();
        this.context = context;
        this.ring = ring;
        this.request = request;
        this.schedule = schedule;
        this.settings = settings;
        this.done = done;
        this.tally = new LoadTally((int)
                Math.max(1, (settings.measured().toNanos() + LoadTally.INTERVAL_NANOS - 1) / LoadTally.INTERVAL_NANOS));
    }

    /** Opens a connection and waits for it, so that the server accepts the senders' connections in the order opened. */
    Future<Void> openConnection() {
        Promise<Void> opened = Promise.promise();
        context.runOnContext(
                ignored -> ring.open().onSuccess(ring::release).<Void>mapEmpty().onComplete(opened));
        return opened.future();
    }

    /**
     * One request, answered, before the schedule starts: it loads the client's classes, which in
     * a fresh JVM on a busy 2-core box took seconds, and checks that the target answers at all.
     * Any answer will do.
     */
    Future<Void> prime() {
        Promise<Void> primed = Promise.promise();
        context.runOnContext(ignored -> {
            ConnectionRing.Slot slot = ring.nextIdle();
            exchange(slot)
                    .andThen(answered -> ring.release(slot))
                    .<Void>mapEmpty()
                    .onComplete(primed);
        });
        return primed.future();
    }

    /** @param startNanos the run's time zero on {@link System#nanoTime()}; the schedule counts from it */
    void start(long startNanos) {
        this.startNanos = startNanos;
        this.measuredFromNanos = startNanos + settings.warmupNanos();
        this.endNanos = startNanos + settings.scheduleNanos();
        this.deadlineNanos = endNanos + settings.grace().toNanos();
        context.runOnContext(
                ignored -> { // the fields above reach the loop with this task
                    deadlineTimer = vertx.setTimer(millisUntil(deadlineNanos), id -> expire());
                    sendWhatIsDue();
                });
    }

    private void sendWhatIsDue() {
        if (finished) {
            return;
        }
        while (startNanos + schedule.peekNanos() <= System.nanoTime() && isInSchedule(schedule.peekNanos())) {
            send(startNanos + schedule.takeNanos());
        }
        if (isInSchedule(schedule.peekNanos())) {
            vertx.setTimer(millisUntil(startNanos + schedule.peekNanos()), id -> sendWhatIsDue());
        } else {
            allSent = true;
            finishIfAllAnswered();
        }
    }

    private boolean isInSchedule(long offsetNanos) {
        return startNanos + offsetNanos < endNanos;
    }

    /** Whole milliseconds, rounded down, at least 1 (Vert.x's minimum): a timer never fires later than needed. */
    private static long millisUntil(long nanos) {
        return Math.max(1, (nanos - System.nanoTime()) / 1_000_000);
    }

    private void send(long scheduledNanos) {
        Pending pending = new Pending(scheduledNanos, scheduledNanos >= measuredFromNanos);
        if (pending.measured()) {
            long now = System.nanoTime();
            tally.scheduled++;
            tally.lagNanos.recordValue(Math.max(0, now - pending.scheduledNanos()));
            tally.firstSendNanos = Math.min(tally.firstSendNanos, now);
            tally.lastSendNanos = now;
        }
        inFlight.add(pending);
        tally.peakInFlight = Math.max(tally.peakInFlight, inFlight.size());
        if (!dispatch(pending)) {
            if (pending.measured()) {
                tally.queuedInClient++;
            }
            waiting.add(pending);
        }
    }

    /** Sends on an idle connection, or on a new one; false when the ring is full and all are busy. */
    private boolean dispatch(Pending pending) {
        ConnectionRing.Slot slot = ring.nextIdle();
        if (slot != null) {
            exchange(slot).onComplete(answer -> answered(slot, pending, answer));
            return true;
        }
        if (ring.canOpen()) {
            ring.open().onComplete(opened -> {
                if (opened.succeeded()) {
                    exchange(opened.result()).onComplete(answer -> answered(opened.result(), pending, answer));
                } else {
                    answered(null, pending, Future.failedFuture(opened.cause()));
                }
            });
            return true;
        }
        return false;
    }

    private Future<Answer> exchange(ConnectionRing.Slot slot) {
        return slot.connection
                .request(request)
                .compose(HttpClientRequest::send)
                .andThen(response -> {
                    if (response.succeeded() && closesConnection(response.result())) {
                        ring.retire(slot); // before its close event, or the next request could take it and fail
                    }
                })
                .compose(response -> response.body()
                        .map(body -> new Answer(
                                response.statusCode() / 100 == 2
                                        ? null
                                        : "HTTP " + response.statusCode() + " " + abbreviate(body.toString()))));
    }

    private void answered(ConnectionRing.Slot slot, Pending pending, AsyncResult<Answer> answer) {
        if (slot != null) {
            ring.release(slot);
        }
        if (finished || !inFlight.remove(pending)) {
            return; // after the deadline: already counted as a timeout
        }
        long now = System.nanoTime();
        boolean success = answer.succeeded() && answer.result().error() == null;
        if (success && now >= measuredFromNanos && now <= endNanos) {
            tally.answeredInWindow++;
        }
        if (pending.measured()) {
            tally.recordLatency(pending.scheduledNanos() - measuredFromNanos, now - pending.scheduledNanos());
            if (success) {
                tally.succeeded++;
            } else {
                tally.recordError(answer.succeeded() ? answer.result().error() : String.valueOf(answer.cause()));
            }
        }
        while (!waiting.isEmpty() && dispatch(waiting.peek())) {
            waiting.poll();
        }
        finishIfAllAnswered();
    }

    /**
     * The deadline: whatever is still open is a timeout, charged up to now, so that a request the
     * server never answered weighs at least as much in the histogram as one answered at the last moment.
     */
    private void expire() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        for (Pending pending : inFlight) {
            if (pending.measured()) {
                tally.timeouts++;
                tally.recordLatency(pending.scheduledNanos() - measuredFromNanos, now - pending.scheduledNanos());
            }
        }
        inFlight.clear();
        waiting.clear();
        while (isInSchedule(schedule.peekNanos())) {
            long scheduledNanos = startNanos + schedule.takeNanos();
            if (scheduledNanos >= measuredFromNanos) {
                tally.scheduled++;
                tally.timeouts++;
                tally.unsent++;
                tally.recordLatency(scheduledNanos - measuredFromNanos, now - scheduledNanos);
            }
        }
        finish();
    }

    private void finishIfAllAnswered() {
        if (allSent && inFlight.isEmpty() && !finished) {
            vertx.cancelTimer(deadlineTimer);
            finish();
        }
    }

    private void finish() {
        finished = true;
        done.countDown();
    }

    int connectionsOpened() {
        return ring.opened();
    }

    private static boolean closesConnection(HttpClientResponse response) {
        return ConnectionClose.announced(response.version(), response.getHeader("Connection"));
    }

    private static String abbreviate(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
