package dev.loopbench.server.handlers;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Burns CPU in unordered {@code executeBlocking}: the event loop stays free, but the W worker
 * threads share the C cores, so no more than {@code min(W, C)} requests compute at a time.
 */
public final class ExecuteBlockingComputeHandler implements WorkHandler {

    private final Vertx vertx;

    public ExecuteBlockingComputeHandler(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<WorkDone> work(int ms) {
        return vertx.executeBlocking(() -> CpuBurn.forMillis(ms), false);
    }
}
