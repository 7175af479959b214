package dev.loopbench.server.handlers;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** {@code executeBlocking} with {@code ordered = false}: each request takes any free worker thread. */
public final class ExecuteBlockingUnorderedHandler implements WorkHandler {

    private final Vertx vertx;

    public ExecuteBlockingUnorderedHandler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<WorkDone> work(int ms) {
        return vertx.executeBlocking(() -> WorkDone.bySleeping(ms), false);
    }
}
