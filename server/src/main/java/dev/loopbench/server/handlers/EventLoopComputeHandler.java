package dev.loopbench.server.handlers;

import io.vertx.core.Future;

/** Burns CPU on the event loop: like sleeping there, every other connection on this loop waits. */
public final class EventLoopComputeHandler implements WorkHandler {

    @Override
    public Future<WorkDone> work(int ms) {
        // Blocks the event loop on purpose: computing there is the other half of the misuse.
        return Future.succeededFuture(CpuBurn.forMillis(ms));
    }
}
