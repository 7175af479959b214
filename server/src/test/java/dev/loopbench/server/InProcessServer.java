package dev.loopbench.server;

import static dev.loopbench.server.Await.await;

import dev.loopbench.model.ServerShape;

/** A loopbench server on a free port in the test JVM, with a warmed-up client for it. */
final class InProcessServer implements AutoCloseable {

    final ServerShape shape;
    final LoopbenchServer server;
    final WaveTestClient client;

    private InProcessServer(ServerShape shape, long warnBlockedMs, int connections) {
        this.shape = shape;
        this.server = await(LoopbenchServer.start(
                ServerConfig.defaults().withPort(0).withShape(shape).withWarnBlockedMs(warnBlockedMs)));
        this.client = new WaveTestClient(server.url(), connections).warm();
    }

    /** Blocked-thread warnings off: model tests block the event loop on purpose. */
    static InProcessServer quiet(ServerShape shape, int connections) {
        return new InProcessServer(shape, 0, connections);
    }

    static InProcessServer withDefaultWarnings(ServerShape shape, int connections) {
        return new InProcessServer(shape, ServerConfig.DEFAULT_WARN_BLOCKED_MS, connections);
    }

    boolean hasVirtualThreads() {
        return server.virtualThreads().available();
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        client.close();
        await(server.close());
    }
}
