package dev.loopbench.server;

import dev.loopbench.model.ServerShape;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The loopbench server on its own {@link Vertx}: E HTTP verticle instances (one per event
 * loop) and V instances of each virtual-thread verticle. Used by {@link ServerMain} and, in-process,
 * by the benchmarks and tests.
 */
public final class LoopbenchServer {

    /** Longest a graceful shutdown waits for requests in flight: the longest wait plus room. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private static final int ANY_FREE_PORT_SHARED = -1;

    private final Vertx vertx;
    private final ServerConfig config;
    private final int port;
    private final List<HttpVerticle> httpVerticles;
    private final VirtualThreads virtualThreads;
    private final BlockedThreadReporter blockedThreads;
    private final ServerMetrics metrics;

    private LoopbenchServer(
            Vertx vertx,
            ServerConfig config,
            int port,
            List<HttpVerticle> httpVerticles,
            VirtualThreads virtualThreads,
            BlockedThreadReporter blockedThreads,
            ServerMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.port = port;
        this.httpVerticles = httpVerticles;
        this.virtualThreads = virtualThreads;
        this.blockedThreads = blockedThreads;
        this.metrics = metrics;
    }

    public static Future<LoopbenchServer> start(ServerConfig config) {
        ServerShape shape = config.shape();
        VertxOptions options =
                new VertxOptions().setEventLoopPoolSize(shape.eventLoops()).setWorkerPoolSize(shape.workerPoolSize());
        BlockedThreadReporter reporter =
                config.warnBlockedMs() > 0 ? blockedThreadReporter(options, config.warnBlockedMs()) : null;
        ServerMetrics metrics = new ServerMetrics();
        Vertx vertx = Transports.builder()
                .with(options)
                .withMetrics(metrics.vertxMetrics())
                .build();
        // Vert.x has no public hook for blocked-thread events; this internal one replaces its log lines.
        ((VertxInternal) vertx)
                .blockedThreadChecker()
                .setThreadBlockedHandler(reporter != null ? reporter : event -> {});

        WorkHandlers handlers = WorkHandlers.create(vertx);

        // Not bound to a context: a context of a Vert.x that failed to start cannot run callbacks.
        Promise<LoopbenchServer> started = Promise.promise();
        // Virtual-thread verticles first, so that the HTTP verticles take E consecutive event loops, one each.
        handlers.deployVirtualThreadVerticles(shape.virtualThreadInstances())
                .map(deployed -> VirtualThreads.deployed())
                .otherwise(VirtualThreads::unavailable)
                .compose(virtualThreads -> {
                    RequestRouter router = new RequestRouter(
                            handlers, new ServerFacts(shape, virtualThreads, config.lagProbeMs()), metrics);
                    return deployHttpVerticles(
                                    vertx,
                                    config,
                                    () -> new HttpVerticle(
                                            config.host(),
                                            config.port() == 0 ? ANY_FREE_PORT_SHARED : config.port(),
                                            router))
                            .compose(verticles -> metrics.startLagProbe(vertx, config.lagProbeMs())
                                    .map(probing -> new LoopbenchServer(
                                            vertx,
                                            config,
                                            verticles.get(0).actualPort(),
                                            verticles,
                                            virtualThreads,
                                            reporter,
                                            metrics)));
                })
                .onComplete(server -> {
                    if (server.failed()) {
                        vertx.close();
                    } else if (reporter != null) {
                        reporter.arm();
                    }
                    started.handle(server);
                });
        return started.future();
    }

    private static BlockedThreadReporter blockedThreadReporter(VertxOptions options, long warnBlockedMs) {
        // Checking twice per limit makes sure a block of 1.5 x the limit is caught.
        long checkIntervalMs = Math.max(10, warnBlockedMs / 2);
        options.setMaxEventLoopExecuteTime(warnBlockedMs)
                .setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setBlockedThreadCheckInterval(checkIntervalMs)
                .setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS);
        return new BlockedThreadReporter(System.err, checkIntervalMs);
    }

    /**
     * E instances of one HTTP server share its port, and Vert.x hands accepted connections to
     * them in turn. Every instance that asks for port 0 gets a port of its own, though, so "any
     * free port" is asked as {@link #ANY_FREE_PORT_SHARED}: Vert.x binds one random port and
     * shares it among all the instances that ask for it.
     */
    private static Future<List<HttpVerticle>> deployHttpVerticles(
            Vertx vertx, ServerConfig config, Supplier<HttpVerticle> factory) {
        List<HttpVerticle> verticles = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(
                        () -> {
                            HttpVerticle verticle = factory.get();
                            verticles.add(verticle);
                            return verticle;
                        },
                        new DeploymentOptions().setInstances(config.shape().eventLoops()))
                .map(id -> verticles);
    }

    public int port() {
        return port;
    }

    /** {@code http://host:port}, with IPv6 hosts in brackets. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port;
    }

    public ServerShape shape() {
        return config.shape();
    }

    public VirtualThreads virtualThreads() {
        return virtualThreads;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** What {@code /metrics} serves, for a reader in the same JVM: see the README. */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /**
     * Stops accepting connections, gives requests in flight up to {@code grace} to finish, then
     * closes Vert.x.
     */
    public Future<Void> shutdown(Duration grace) {
        return Future.join(httpVerticles.stream()
                        .map(verticle -> verticle.shutdown(grace))
                        .toList())
                .transform(shutDown -> {
                    metrics.stop();
                    if (blockedThreads != null) {
                        blockedThreads.flush();
                    }
                    return vertx.close();
                });
    }

    /** Closes at once: requests in flight are cut off. */
    public Future<Void> close() {
        return shutdown(Duration.ZERO);
    }
}
