package dev.loopbench.clientcost;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The server process of a comparison, stopped when the comparison ends, and also when the JVM
 * does: Ctrl-C must not leave the server behind.
 */
final class StoppedOnExit implements AutoCloseable {

    private final LoopbenchServerProcess server;
    private final Thread hook;

    private StoppedOnExit(LoopbenchServerProcess server) {
        this.server = server;
        this.hook = new Thread(server::close, "harness-stop-server");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static StoppedOnExit start(Path java, List<String> jvmOptions, Path serverJar, int eventLoops)
            throws IOException, InterruptedException {
        return new StoppedOnExit(LoopbenchServerProcess.start(java, jvmOptions, serverJar, eventLoops));
    }

    LoopbenchServerProcess server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
