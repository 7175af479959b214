package dev.loopbench.server.handlers;

/**
 * {@code vertx.timer(ms).await()} in a virtual-thread verticle: while one request awaits, Vert.x
 * lets the instance run the next one, so the waits overlap like the timer handler's.
 */
public final class VirtualThreadAwaitVerticle extends VirtualThreadVerticle {

    public VirtualThreadAwaitVerticle(VirtualThreadHandoff handoff) {
        super(handoff);
    }

    @Override
    protected WorkDone waitOnVirtualThread(int ms) {
        long started = System.nanoTime();
        if (ms > 0) { // Vert.x timers need at least 1 ms
            vertx.timer(ms).await();
        }
        return WorkDone.finishedNow(started);
    }
}
