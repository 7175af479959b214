package dev.loopbench.open;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import dev.loopbench.benchmarks.CellUnusable;
import dev.loopbench.benchmarks.ForkSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one cell of open-loop load: requests at their scheduled times, whatever the server does,
 * from a {@link Vertx} of its own with one {@link Sender} per event loop.
 *
 * <p>Connections: each sender's client opens a new keep-alive connection whenever every open one
 * is busy, up to its share of {@link LoadSettings#maxConnections()}, so a request never waits in
 * the client for a connection while the server is slow; in-flight requests are R x latency, which
 * grows without bound beyond the knee, hence the cap. Past it, requests wait in the client and the
 * cell says how many.
 */
final class OpenLoad {

    /** One cell's measurements. {@code measuredStartEpochMillis}: wall-clock time of the measured window's start. */
    record Result(LoadSettings settings, LoadTally tally, long measuredStartEpochMillis, int connectionsOpened) {

        double measuredSeconds() {
            return settings.measured().toNanos() / 1e9;
        }
    }

    /** For the first answer of each sender, beyond the grace: a cold JVM on a busy box is slow. */
    private static final Duration PRIMING_TIMEOUT = Duration.ofSeconds(30);

    /** Time for the senders to be scheduled on their loops before the first request is due. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private OpenLoad() {}

    static Result run(LoadSettings settings) throws InterruptedException {
        int loops = BenchmarkDefaults.CLIENT_EVENT_LOOPS;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        try {
            AtomicInteger opened = new AtomicInteger();
            RequestOptions request = request(settings.requestUrl());
            int connectionCap = Math.max(1, settings.maxConnections() / loops);
            CountDownLatch done = new CountDownLatch(loops);
            List<Sender> senders = new ArrayList<>();
            for (int i = 0; i < loops; i++) {
                // from a thread outside Vert.x: a new context each time, round robin over the loops
                Context context = vertx.getOrCreateContext();
                senders.add(new Sender(
                        context,
                        client(vertx, request.isSsl(), connectionCap, opened),
                        request,
                        ArrivalSchedule.of(settings.ratePerSecond(), i, loops, settings.poisson(), settings.seed()),
                        connectionCap,
                        settings,
                        done));
            }
            prime(senders, settings);
            long startNanos = System.nanoTime() + START_DELAY_NANOS;
            long measuredStartEpochMillis = System.currentTimeMillis()
                    + TimeUnit.NANOSECONDS.toMillis(startNanos + settings.warmupNanos() - System.nanoTime());
            senders.forEach(sender -> sender.start(startNanos));
            long waitMillis = TimeUnit.NANOSECONDS.toMillis(START_DELAY_NANOS
                            + settings.scheduleNanos()
                            + settings.grace().toNanos())
                    + 30_000;
            if (!done.await(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new CellUnusable("the client's event loops did not finish within " + waitMillis
                        + " ms of the run's start: they are blocked or starved");
            }
            LoadTally total = new LoadTally(senders.get(0).tally.intervals.length);
            senders.forEach(sender -> total.add(sender.tally));
            return new Result(settings, total, measuredStartEpochMillis, opened.get());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** Every sender's first request, answered, before the schedule starts: see {@link Sender#prime}. */
    private static void prime(List<Sender> senders, LoadSettings settings) throws InterruptedException {
        long timeoutMillis = PRIMING_TIMEOUT.toMillis() + settings.grace().toMillis();
        List<Future<Void>> primed =
                senders.stream().map(sender -> sender.prime(timeoutMillis)).toList();
        try {
            Future.all(primed)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(timeoutMillis + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CellUnusable(
                    "GET " + settings.requestUrl() + " failed before the schedule started: " + e.getCause());
        } catch (TimeoutException e) {
            throw new CellUnusable("GET " + settings.requestUrl() + " had no answer within " + timeoutMillis
                    + " ms before the schedule started");
        }
    }

    /**
     * Plain HTTP/1.1 without pipelining or h2c upgrade, as loopbench always speaks; TLS for an
     * {@code https://} target, trusting any certificate only with --insecure.
     */
    private static HttpClientAgent client(Vertx vertx, boolean tls, int connections, AtomicInteger opened) {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setHttp2ClearTextUpgrade(false)
                .setKeepAlive(true)
                .setPipelining(false);
        if (tls) {
            boolean insecure = ForkSettings.insecure();
            options.setSsl(true).setTrustAll(insecure).setVerifyHost(!insecure);
        }
        return vertx.httpClientBuilder()
                .with(options)
                .with(new PoolOptions().setHttp1MaxSize(connections))
                .withConnectHandler(connection -> opened.incrementAndGet())
                .build();
    }

    private static RequestOptions request(String url) {
        URI parsed = URI.create(url);
        boolean tls = "https".equals(parsed.getScheme());
        String host = parsed.getHost();
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1); // the client wants an IPv6 address without its brackets
        }
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(host)
                .setPort(parsed.getPort() > 0 ? parsed.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setURI(parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery()));
    }
}
