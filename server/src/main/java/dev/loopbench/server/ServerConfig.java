package dev.loopbench.server;

import dev.loopbench.model.ServerShape;
import io.vertx.core.VertxOptions;

/**
 * Everything the server is started with. {@link #defaults()} is what the command line gives
 * when no flag is set; tests and benchmarks derive their own with the {@code with...} methods.
 */
public record ServerConfig(String host, int port, ServerShape shape, long warnBlockedMs, int lagProbeMs) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_EVENT_LOOPS = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
    /** Below the default wait of 100 ms, so that sleeping on the event loop is seen at once. */
    public static final long DEFAULT_WARN_BLOCKED_MS = 50;
    /** Finer than Node's 10 ms, so that a stall of D = 50 ms reads at least 45 ms; its cost is in the README. */
    public static final int DEFAULT_LAG_PROBE_MS = 5;

    public static ServerConfig defaults() {
        return new ServerConfig(
                DEFAULT_HOST,
                DEFAULT_PORT,
                ServerShape.withDefaultPools(DEFAULT_EVENT_LOOPS),
                DEFAULT_WARN_BLOCKED_MS,
                DEFAULT_LAG_PROBE_MS);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, shape, warnBlockedMs, lagProbeMs);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, shape, warnBlockedMs, lagProbeMs);
    }

    public ServerConfig withShape(ServerShape newShape) {
        return new ServerConfig(host, port, newShape, warnBlockedMs, lagProbeMs);
    }

    public ServerConfig withWarnBlockedMs(long newWarnBlockedMs) {
        return new ServerConfig(host, port, shape, newWarnBlockedMs, lagProbeMs);
    }

    public ServerConfig withLagProbeMs(int newLagProbeMs) {
        return new ServerConfig(host, port, shape, warnBlockedMs, newLagProbeMs);
    }
}
