package dev.loopbench.client;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.HdrHistogram.Recorder;

/**
 * The other users of a server while a wave is in flight: cheap requests ({@code GET /health} by
 * default) on connections of their own, one after another on each, for the whole wave. What they
 * wait is what blocking an event loop costs everyone who shares it; they never count in the wave.
 *
 * <p>Each connection sends its next request when the previous one is answered, but at most one
 * every {@link #PERIOD_MILLIS} ms: behind a blocked loop they queue as any user would, and on a
 * free loop they cost a few hundred requests a second instead of a core, which the wave on two
 * cores would feel. The server deals connections to its event loops in turn, so opened after the
 * wave's, a few per loop reach every loop.
 *
 * <p>They are sent from one of the wave client's own event loops, not a thread of their own: one
 * thread fewer on cores the wave and the server share. Measured in blocks of 50 zero-delay waves
 * with and without (three runs each, 2026-12-03), a wave of 256 beside them read 1.08 to 1.09 x
 * the wave without (1.09 to 1.18 x with a loop of their own), a wave of 1000 1.04 to 1.11 x either
 * way; starting and stopping them with nothing to send cost nothing (0.99 and 1.01 x), so what
 * they cost a zero-delay wave is their few requests, and the run's zero-delay control goes without
 * them ({@code Matrix.CONTROL}). At the default run's D it is within 2% ({@code harness} measures
 * both). What a bystander waits for the client's loop is in its time,
 * as it is in any load tool's.
 */
public final class Bystanders implements AutoCloseable {

    public static final long PERIOD_MILLIS = 10;

    /** Per event loop of the server, so that a loop keeps one when another is slow to accept. */
    static final int CONNECTIONS_PER_EVENT_LOOP = 2;

    /** When a target does not say how many event loops it has. */
    static final int CONNECTIONS_UNKNOWN_SERVER = 4;

    private final Vertx vertx; // the wave client's: not closed here
    private final Context context;
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final String uri;
    private final int connections;
    private final Recorder latencyNanos;
    private final long periodNanos;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile BiConsumer<Long, Long> answers = (sent, answered) -> {};
    private final AtomicLong answered = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstError = new AtomicReference<>();
    private boolean running; // only touched on the context
    private int idleSenders; // only touched on the context

    /** Beside {@code wave}, on one of its event loops. */
    public Bystanders(WaveClient wave, String url, int connections, Recorder latencyNanos) {
        this(wave, url, connections, PERIOD_MILLIS, latencyNanos);
    }

    /** @param periodMillis the least time between two requests of one connection */
    public Bystanders(WaveClient wave, String url, int connections, long periodMillis, Recorder latencyNanos) {
        ClientOptions.Endpoint endpoint = ClientOptions.endpoint(url);
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.uri = endpoint.uri();
        this.connections = connections;
        this.idleSenders = connections;
        this.latencyNanos = latencyNanos;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        ClientLoops loops = (ClientLoops) wave;
        this.vertx = loops.vertx;
        this.context = loops.bystanderContext();
        this.client = vertx.httpClientBuilder()
                .with(ClientOptions.forTarget(endpoint.tls()))
                .with(new PoolOptions().setHttp1MaxSize(connections))
                .build();
    }

    /** How many bystander connections a server of {@code eventLoops} loops gets; 0 when unknown. */
    public static int connectionsFor(int eventLoops) {
        return eventLoops > 0 ? CONNECTIONS_PER_EVENT_LOOP * eventLoops : CONNECTIONS_UNKNOWN_SERVER;
    }

    /**
     * Opens the connections with one request each, all at once, unmeasured, and fails the cell
     * in one line when the path does not answer 2xx: a bystander that fails is not one that waited.
     */
    public void warmUp() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(connections);
        context.runOnContext(ignored -> {
            for (int i = 0; i < connections; i++) {
                get(System.nanoTime(), error -> done.countDown());
            }
        });
        if (!done.await(30, TimeUnit.SECONDS) || failures.get() > 0) {
            throw new CellUnusable("the bystander requests GET " + uri + " failed ("
                    + (failures.get() > 0 ? firstError.get() : "no answer in 30 s")
                    + "); name a cheap path of the target with -p bystander=PATH, or turn bystanders off with"
                    + " -p bystander=none");
        }
        latencyNanos.reset();
        answered.set(0);
    }

    /** Every connection starts sending, one request after another, until {@link #stop()}. */
    public void start() {
        context.runOnContext(ignored -> {
            running = true;
            for (; idleSenders > 0; idleSenders--) {
                send();
            }
        });
    }

    /** No new requests; those in flight are recorded when they are answered. */
    public void stop() {
        context.runOnContext(ignored -> running = false);
    }

    private void send() {
        long sent = System.nanoTime();
        get(sent, error -> {
            if (!running) {
                idleSenders++;
                return;
            }
            long next = sent + periodNanos - System.nanoTime();
            if (next > TimeUnit.MILLISECONDS.toNanos(1)) {
                vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(next), id -> resume());
            } else {
                send();
            }
        });
    }

    private void resume() {
        if (running) {
            send();
        } else {
            idleSenders++;
        }
    }

    /** Told of every answered bystander request: when it was sent and answered, in nanoseconds. */
    public void onAnswer(BiConsumer<Long, Long> listener) {
        this.answers = listener;
    }

    /** After {@link #stop()}: waits for the requests still in flight, so that a picture of the wave has them all. */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    private void get(long sent, Consumer<String> then) {
        inFlight.incrementAndGet();
        client.request(HttpMethod.GET, port, host, uri)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onComplete(result -> {
                    String error = null;
                    if (result.failed()) {
                        error = String.valueOf(result.cause());
                    } else if (result.result() / 100 != 2) {
                        error = "HTTP " + result.result();
                    }
                    inFlight.decrementAndGet();
                    if (error == null) {
                        long now = System.nanoTime();
                        latencyNanos.recordValue(Math.max(1, now - sent));
                        answered.incrementAndGet();
                        answers.accept(sent, now);
                    } else {
                        failures.incrementAndGet();
                        firstError.compareAndSet(null, error);
                    }
                    then.accept(error);
                });
    }

    /** Bystander requests answered since the warm-up. */
    public long answered() {
        return answered.get();
    }

    public int failures() {
        return failures.get();
    }

    public String firstError() {
        return firstError.get();
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
