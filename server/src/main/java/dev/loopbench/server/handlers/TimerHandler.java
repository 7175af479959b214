package dev.loopbench.server.handlers;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/** {@code vertx.setTimer}: nothing blocks, the event loop serves others until the timer fires. */
public final class TimerHandler implements WorkHandler {

    private final Vertx vertx;

    public TimerHandler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<WorkDone> work(int ms) {
        long started = System.nanoTime();
        if (ms == 0) {
            return Future.succeededFuture(WorkDone.finishedNow(started)); // Vert.x timers need at least 1 ms
        }
        Promise<WorkDone> waited = Promise.promise();
        vertx.setTimer(ms, id -> waited.complete(WorkDone.finishedNow(started)));
        return waited.future();
    }
}
