package dev.loopbench.client;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import dev.loopbench.server.Transports;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What both wave clients share: a {@code Vertx} of their own, on the client's own event loops
 * (never the server's), and the count of connections each opened, lost and was told to close.
 */
abstract sealed class ClientLoops implements WaveClient permits CoreWaveClient, WebWaveClient {

    /** Parsed before the {@code Vertx} starts, so that a URL it cannot use leaves no threads behind. */
    protected final ClientOptions.Endpoint endpoint;

    protected final Vertx vertx;

    protected final AtomicInteger connectionsOpened = new AtomicInteger();
    protected final AtomicInteger connectionsClosed = new AtomicInteger();
    protected final AtomicInteger closingAnswers = new AtomicInteger();

    protected ClientLoops(ClientOptions.Endpoint endpoint) {
        this.endpoint = endpoint;
        this.vertx = Transports.builder()
                .with(new VertxOptions().setEventLoopPoolSize(BenchmarkDefaults.CLIENT_EVENT_LOOPS))
                .build();
    }

    /**
     * One context on each of the client's event loops, so that a wave's connections spread over
     * all of them. {@code getOrCreateContext()} from the benchmark thread does not: its round robin
     * is shared with whatever else picks a loop, and measured here it put both contexts of a
     * client on one loop, which did all the work while the other had none.
     */
    protected List<Context> contextPerLoop() {
        VertxInternal internal = (VertxInternal) vertx;
        List<Context> contexts = new ArrayList<>();
        for (EventExecutor loop : internal.nettyEventLoopGroup()) {
            contexts.add(
                    internal.contextBuilder().withEventLoop((EventLoop) loop).build());
        }
        return contexts;
    }

    /** The loop the {@link Bystanders} beside this client send from: the last, which is as busy as any other. */
    Context bystanderContext() {
        List<Context> contexts = contextPerLoop();
        return contexts.get(contexts.size() - 1);
    }

    @Override
    public int openConnections() {
        return connectionsOpened.get() - connectionsClosed.get();
    }

    @Override
    public int closingAnswers() {
        return closingAnswers.get();
    }

    @Override
    public String transport() {
        return Transports.name(vertx);
    }

    @Override
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
