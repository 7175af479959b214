package dev.loopbench.server.handlers;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * {@code executeBlocking} as most code calls it: ordered, the default. Vert.x runs the ordered
 * tasks of one context one after another, so the requests of a verticle instance queue up
 * even though the worker pool has idle threads.
 */
public final class ExecuteBlockingOrderedHandler implements WorkHandler {

    private final Vertx vertx;

    public ExecuteBlockingOrderedHandler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<WorkDone> work(int ms) {
        return vertx.executeBlocking(() -> WorkDone.bySleeping(ms));
    }
}
