package dev.loopbench.server.handlers;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The event-loop side of a virtual-thread handler: gives each request to the next of the V
 * verticle instances in turn, as one task on that instance's context, and answers from the
 * event loop that received it.
 *
 * <p>Why this and not the obvious alternatives:
 * <ul>
 * <li>An event-bus hop changes what is measured. A consumer drains its queue of messages in
 *     one task, so on a virtual-thread verticle a handler that awaits holds up the next
 *     message: {@code virtual-thread-await} came out serial per instance (8 requests, 2
 *     instances, 50 ms: 214 ms, not 50).</li>
 * <li>An HTTP server deployed on virtual threads would have to share the port with the
 *     event-loop instances, and Vert.x hands connections to all instances in turn, so a
 *     {@code /timer} request could land on a virtual thread; a second port would make this
 *     handler's path differ from the others'.</li>
 * </ul>
 * One task per request is what an HTTP request to a virtual-thread verticle is, so each style
 * keeps its real concurrency; the round robin makes the lanes exactly V; accepting, parsing and
 * answering stay on the event loop as for every other handler. The hop costs two context
 * switches, microseconds against waits of milliseconds.
 */
public final class VirtualThreadHandoff implements WorkHandler {

    private final Vertx vertx;
    private final Function<VirtualThreadHandoff, VirtualThreadVerticle> verticle;
    /** Replaced, never changed, on (un)deployment: a request reads it without copying it. */
    private volatile VirtualThreadVerticle[] instances = new VirtualThreadVerticle[0];

    private final AtomicInteger next = new AtomicInteger();

    /** @param verticle makes one instance of the verticle that waits, given this handoff */
    public VirtualThreadHandoff(Vertx vertx, Function<VirtualThreadHandoff, VirtualThreadVerticle> verticle) {
        this.vertx = vertx;
        this.verticle = verticle;
    }

    /** Deploys the verticle's instances on virtual threads; fails on a JDK without them. */
    public Future<String> deploy(int instances) {
        return vertx.deployVerticle(
                () -> verticle.apply(this),
                new DeploymentOptions()
                        .setThreadingModel(ThreadingModel.VIRTUAL_THREAD)
                        .setInstances(instances));
    }

    synchronized void register(VirtualThreadVerticle instance) {
        VirtualThreadVerticle[] more = Arrays.copyOf(instances, instances.length + 1);
        more[instances.length] = instance;
        instances = more;
    }

    synchronized void unregister(VirtualThreadVerticle instance) {
        instances = Arrays.stream(instances).filter(other -> other != instance).toArray(VirtualThreadVerticle[]::new);
    }

    @Override
    public Future<WorkDone> work(int ms) {
        VirtualThreadVerticle[] current = instances;
        if (current.length == 0) {
            return Future.failedFuture("no virtual-thread verticle instance is deployed");
        }
        VirtualThreadVerticle instance = current[Math.floorMod(next.getAndIncrement(), current.length)];
        return instance.submit(ms, vertx.getOrCreateContext());
    }
}
