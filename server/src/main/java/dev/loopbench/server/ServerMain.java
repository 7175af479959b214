package dev.loopbench.server;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code java -jar loopbench-server.jar}: see {@link CommandLine#USAGE}. */
public final class ServerMain {

    private ServerMain() {}

    public static void main(String[] args) {
        ServerConfig config;
        try {
            config = CommandLine.parse(args);
        } catch (CommandLine.HelpRequested help) {
            System.out.print(CommandLine.USAGE);
            return;
        } catch (CommandLine.UsageException e) {
            System.err.println("loopbench-server: " + e.getMessage());
            System.err.print(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        LoopbenchServer server;
        try {
            server = LoopbenchServer.start(config)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            System.err.println(
                    "loopbench-server: cannot listen on " + config.host() + ":" + config.port() + ": " + cause);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(server), "loopbench-shutdown"));
        System.err.printf(
                "loopbench-server: Java %s, %s, %s transport, virtual threads %s, blocked-thread warnings %s,"
                        + " lag probe %s%n",
                System.getProperty("java.version"),
                server.shape(),
                Transports.name(server.vertx()),
                server.virtualThreads().available()
                        ? "available"
                        : "unavailable (" + server.virtualThreads().unavailableReason() + ")",
                config.warnBlockedMs() > 0 ? "over " + config.warnBlockedMs() + " ms" : "off",
                config.lagProbeMs() > 0 ? "every " + config.lagProbeMs() + " ms" : "off");
        System.out.println("listening on " + server.url());
        System.out.flush();
    }

    private static void shutDown(LoopbenchServer server) {
        System.err.println("loopbench-server: shutting down; requests in flight get up to "
                + LoopbenchServer.SHUTDOWN_GRACE.toSeconds() + " s to finish");
        try {
            server.shutdown(LoopbenchServer.SHUTDOWN_GRACE)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(LoopbenchServer.SHUTDOWN_GRACE.toSeconds() + 5, TimeUnit.SECONDS);
            System.err.println("loopbench-server: stopped");
        } catch (Exception e) {
            System.err.println("loopbench-server: shutdown did not finish cleanly: " + e);
        }
    }
}
