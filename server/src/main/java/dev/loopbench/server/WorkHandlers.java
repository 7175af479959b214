package dev.loopbench.server;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.server.handlers.EventLoopComputeHandler;
import dev.loopbench.server.handlers.EventLoopSleepHandler;
import dev.loopbench.server.handlers.ExecuteBlockingComputeHandler;
import dev.loopbench.server.handlers.ExecuteBlockingOrderedHandler;
import dev.loopbench.server.handlers.ExecuteBlockingUnorderedHandler;
import dev.loopbench.server.handlers.TimerHandler;
import dev.loopbench.server.handlers.VirtualThreadAwaitVerticle;
import dev.loopbench.server.handlers.VirtualThreadComputeVerticle;
import dev.loopbench.server.handlers.VirtualThreadHandoff;
import dev.loopbench.server.handlers.VirtualThreadSleepVerticle;
import dev.loopbench.server.handlers.WorkHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The handler of every {@link HandlerStyle}, wired in this one place: a style without a handler
 * does not compile. One set serves all E HTTP verticles. Each handler works on the context of
 * the event loop that calls it, so ordered {@code executeBlocking} stays serial per verticle
 * instance, and the virtual-thread handoffs hand requests to the V instances in turn.
 */
final class WorkHandlers {

    private final Map<HandlerStyle, WorkHandler> handlers;

    private WorkHandlers(Map<HandlerStyle, WorkHandler> handlers) {
        this.handlers = Collections.unmodifiableMap(handlers);
    }

    static WorkHandlers create(Vertx vertx) {
        Map<HandlerStyle, WorkHandler> handlers = new EnumMap<>(HandlerStyle.class);
        for (HandlerStyle style : HandlerStyle.values()) {
            handlers.put(style, handlerOf(style, vertx));
        }
        return new WorkHandlers(handlers);
    }

    private static WorkHandler handlerOf(HandlerStyle style, Vertx vertx) {
        return switch (style) {
            case EVENT_LOOP_SLEEP -> new EventLoopSleepHandler();
            case EXECUTE_BLOCKING_ORDERED -> new ExecuteBlockingOrderedHandler(vertx);
            case EXECUTE_BLOCKING_UNORDERED -> new ExecuteBlockingUnorderedHandler(vertx);
            case TIMER -> new TimerHandler(vertx);
            case VIRTUAL_THREAD_SLEEP -> new VirtualThreadHandoff(vertx, VirtualThreadSleepVerticle::new);
            case VIRTUAL_THREAD_AWAIT -> new VirtualThreadHandoff(vertx, VirtualThreadAwaitVerticle::new);
            case EVENT_LOOP_COMPUTE -> new EventLoopComputeHandler();
            case EXECUTE_BLOCKING_COMPUTE -> new ExecuteBlockingComputeHandler(vertx);
            case VIRTUAL_THREAD_COMPUTE -> new VirtualThreadHandoff(vertx, VirtualThreadComputeVerticle::new);
        };
    }

    /** V instances of every virtual-thread verticle, one style after the other; fails without virtual threads. */
    Future<Void> deployVirtualThreadVerticles(int instances) {
        Future<?> deployed = Future.succeededFuture();
        for (WorkHandler handler : handlers.values()) {
            if (handler instanceof VirtualThreadHandoff handoff) {
                deployed = deployed.compose(previous -> handoff.deploy(instances));
            }
        }
        return deployed.mapEmpty();
    }

    WorkHandler of(HandlerStyle style) {
        return handlers.get(style);
    }
}
