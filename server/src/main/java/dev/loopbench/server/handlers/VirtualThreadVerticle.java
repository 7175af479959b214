package dev.loopbench.server.handlers;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;

/**
 * A verticle deployed with {@code ThreadingModel.VIRTUAL_THREAD}: each task on its context runs
 * on a virtual thread, one task at a time, except that a task awaiting a Vert.x future lets the
 * next one run. Subclasses say how they wait; {@link VirtualThreadHandoff} brings them requests.
 */
public abstract class VirtualThreadVerticle extends VerticleBase {

    private final VirtualThreadHandoff handoff;

    protected VirtualThreadVerticle(VirtualThreadHandoff handoff) {
        this.handoff = handoff;
    }

    /** Runs on a virtual thread of this instance. */
    protected abstract WorkDone waitOnVirtualThread(int ms);

    @Override
    public Future<?> start() {
        handoff.register(this);
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        handoff.unregister(this);
        return Future.succeededFuture();
    }

    /**
     * Makes the wait one task of this instance, as an HTTP request to a virtual-thread verticle
     * would be, and completes on {@code replyTo}, the event loop that received the request.
     */
    Future<WorkDone> submit(int ms, Context replyTo) {
        Promise<WorkDone> waited = Promise.promise();
        context.runOnContext(ignored -> {
            try {
                WorkDone result = waitOnVirtualThread(ms);
                replyTo.runOnContext(back -> waited.complete(result));
            } catch (Throwable e) { // an Error too: the request must get an answer, not hang
                replyTo.runOnContext(back -> waited.fail(e));
            }
        });
        return waited.future();
    }
}
