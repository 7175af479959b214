package dev.loopbench.server.handlers;

import io.vertx.core.Future;

/** {@code Thread.sleep} on the event loop: every other connection on this loop waits too. */
public final class EventLoopSleepHandler implements WorkHandler {

    @Override
    public Future<WorkDone> work(int ms) {
        // Blocks the event loop on purpose: this is the misuse loopbench measures.
        return Future.succeededFuture(WorkDone.bySleeping(ms));
    }
}
