package dev.loopbench.server.handlers;

import io.vertx.core.Future;

/**
 * Waits {@code ms} milliseconds in one threading style. Called on the event loop that received
 * the request; the returned future completes when the wait is over.
 */
public interface WorkHandler {

    Future<WorkDone> work(int ms);
}
