package dev.loopbench.targets;

import dev.loopbench.client.CellUnusable;
import dev.loopbench.model.ServerShape;
import dev.loopbench.server.LoopbenchServer;
import dev.loopbench.server.ServerConfig;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The loopbench server on its own Vert.x in the benchmark's JVM, on a free port. */
public final class InProcessTarget implements Target {

    private final LoopbenchServer server;

    private InProcessTarget(LoopbenchServer server) {
        this.server = server;
    }

    /** E event loops and the other pools at their defaults, as the command line would start it. */
    public static InProcessTarget start(int eventLoops) throws Exception {
        ServerShape shape = ServerShape.withDefaultPools(eventLoops);
        try {
            LoopbenchServer server = LoopbenchServer.start(
                            ServerConfig.defaults().withPort(0).withShape(shape))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            return new InProcessTarget(server);
        } catch (ExecutionException e) {
            throw new CellUnusable("the in-process server did not start: " + e.getCause());
        } catch (TimeoutException e) {
            throw new CellUnusable("the in-process server did not start within 60 s");
        }
    }

    @Override
    public String baseUrl() {
        return server.url();
    }

    @Override
    public Optional<ServerShape> shape() {
        return Optional.of(server.shape());
    }

    @Override
    public Optional<Boolean> virtualThreads() {
        return Optional.of(server.virtualThreads().available());
    }

    public String virtualThreadsUnavailableReason() {
        return server.virtualThreads().unavailableReason();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
