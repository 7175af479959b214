package dev.loopbench.open;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.ClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one cell of open-loop load: requests at their scheduled times, whatever the server does,
 * from a {@link Vertx} of its own with one {@link Sender} per event loop.
 *
 * <p>Connections: each sender opens a few ahead, then a new keep-alive connection whenever every
 * open one is busy, up to its share of {@link LoadSettings#maxConnections()}, so a request never
 * waits in the client while the server is slow; in-flight requests are R x latency, which grows
 * without bound beyond the knee, hence the cap. Past it, requests wait in the client and the cell
 * says how many.
 */
final class OpenLoad {

    /** One cell's measurements. {@code measuredStartEpochMillis}: wall-clock time of the measured window's start. */
    record Result(LoadSettings settings, LoadTally tally, long measuredStartEpochMillis, int connectionsOpened) {

        double measuredSeconds() {
            return settings.measured().toNanos() / 1e9;
        }
    }

    /** For the connections and the first answer of each sender, beyond the grace: a cold JVM on a busy box is slow. */
    private static final Duration SET_UP_TIMEOUT = Duration.ofSeconds(30);

    /** Time for the senders to be scheduled on their loops before the first request is due. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private OpenLoad() {}

    static Result run(LoadSettings settings) throws InterruptedException {
        int loops = BenchmarkDefaults.CLIENT_EVENT_LOOPS;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        try {
            RequestOptions request = request(settings.requestUrl());
            HttpClientAgent client = client(vertx, request.isSsl());
            HttpConnectOptions target = new HttpConnectOptions()
                    .setHost(request.getHost())
                    .setPort(request.getPort())
                    .setSsl(request.isSsl());
            int connectionCap = Math.max(1, settings.maxConnections() / loops);
            CountDownLatch done = new CountDownLatch(loops);
            List<Sender> senders = new ArrayList<>();
            for (int i = 0; i < loops; i++) {
                senders.add(new Sender(
                        vertx.getOrCreateContext(), // outside Vert.x: a new context each time, the loops in turn
                        new ConnectionRing(client, target, connectionCap),
                        request,
                        ArrivalSchedule.of(settings.ratePerSecond(), i, loops, settings.poisson(), settings.seed()),
                        settings,
                        done));
            }
            for (int round = 0; round < settings.connectionsAhead(); round++) {
                for (Sender sender : senders) { // see ConnectionRing: the order puts requests on the loops in turn
                    await(sender.openConnection(), settings, "opening connections to");
                }
            }
            await(Future.all(senders.stream().map(Sender::prime).toList()), settings, "the first GET of");
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
            int opened = senders.stream().mapToInt(Sender::connectionsOpened).sum();
            return new Result(settings, total, measuredStartEpochMillis, opened);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** What comes before the schedule; a target that fails it cannot be measured. */
    private static void await(Future<?> step, LoadSettings settings, String what) throws InterruptedException {
        long timeoutMillis = SET_UP_TIMEOUT.toMillis() + settings.grace().toMillis();
        try {
            step.toCompletionStage().toCompletableFuture().get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new CellUnusable(
                    what + " " + settings.requestUrl() + " failed before the schedule started: " + e.getCause());
        } catch (TimeoutException e) {
            throw new CellUnusable(what + " " + settings.requestUrl() + " took more than " + timeoutMillis
                    + " ms before the schedule started");
        }
    }

    private static HttpClientAgent client(Vertx vertx, boolean tls) {
        return vertx.httpClientBuilder().with(ClientOptions.forTarget(tls)).build();
    }

    private static RequestOptions request(String url) {
        ClientOptions.Endpoint endpoint = ClientOptions.endpoint(url);
        return new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.tls())
                .setURI(endpoint.uri());
    }
}
