package dev.loopbench.client;

import dev.loopbench.server.Transports;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Recorder;

/**
 * {@link WaveClient} on the Vert.x Web Client ({@code -p client=web}): its own cost per request is
 * measured beside the core client's by {@code harness}. Built so that the wave measures the server, never the client:
 * <ul>
 * <li>its own {@link Vertx}, with event loops of its own, separate from any server's, on Netty's
 *     native transport where it loads ({@link Transports});</li>
 * <li>pools that hold N connections in all (the Web Client's default of 5 would queue the
 *     rest of the wave in the client), opened by an unmeasured first wave: all N are sent before any can answer;</li>
 * <li>the pools are shards of at most {@link #SHARD_CONNECTIONS}: Vert.x picks a pooled
 *     connection by scanning all of them under the pool's lock, so one pool of 1000 made each
 *     wave of 1000 cost a million checks, serialised over the client's loops;</li>
 * <li>the requests are sent from the client's event loops, each shard from its own: sent from
 *     the benchmark thread, a response can arrive before its handlers are set, and a single
 *     loop would serialise the client side of a wave of 1000.</li>
 * </ul>
 */
final class WebWaveClient extends ClientLoops {

    static final int SHARD_CONNECTIONS = 32;

    private final List<Shard> shards = new ArrayList<>();
    private final List<Context> contexts = new ArrayList<>();
    private final String host;
    private final int port;
    private final String uri;
    private final int concurrency;
    private final long timeoutMs;
    private final boolean tls;
    private final Recorder latencyNanos;

    /**
     * @param requestUrl    the full URL every request of the wave GETs
     * @param latencyNanos where each successful request's latency goes, in nanoseconds (the unit
     *     HdrHistogram's log tools assume)
     */
    WebWaveClient(String requestUrl, int concurrency, long timeoutMs, Recorder latencyNanos) {
        super(ClientOptions.endpoint(requestUrl));
        this.host = endpoint.host();
        this.tls = endpoint.tls();
        this.port = endpoint.port();
        this.uri = endpoint.uri();
        this.concurrency = concurrency;
        this.timeoutMs = timeoutMs;
        this.latencyNanos = latencyNanos;
        contexts.addAll(contextPerLoop());
        int shardCount = (concurrency + SHARD_CONNECTIONS - 1) / SHARD_CONNECTIONS;
        for (int i = 0; i < shardCount; i++) {
            int requests = concurrency / shardCount + (i < concurrency % shardCount ? 1 : 0);
            shards.add(new Shard(WebClient.wrap(pool(requests)), contexts.get(i % contexts.size()), requests));
        }
    }

    private HttpClientAgent pool(int connections) {
        return vertx.httpClientBuilder()
                .with(ClientOptions.forTarget(tls))
                .with(new PoolOptions().setHttp1MaxSize(connections))
                .withConnectHandler(connection -> {
                    connectionsOpened.incrementAndGet();
                    connection.closeHandler(closed -> connectionsClosed.incrementAndGet());
                })
                .build();
    }

    @Override
    public Wave fire(Consumer<Answer> answers) throws InterruptedException {
        InFlight wave = new InFlight(concurrency);
        long start = System.nanoTime();
        for (Shard shard : shards) {
            shard.context.runOnContext(ignored -> wave.sendEach(shard.requests, i -> send(shard.web, wave, answers)));
        }
        return wave.await(start, timeoutMs + 10_000, "GET " + uri);
    }

    private void send(WebClient web, InFlight wave, Consumer<Answer> answers) {
        long sent = System.nanoTime();
        web.get(port, host, uri).timeout(timeoutMs).send().onComplete(result -> {
            long received = System.nanoTime();
            if (answers != null) {
                answers.accept(
                        result.succeeded()
                                ? new Answer(
                                        sent,
                                        received,
                                        result.result().statusCode(),
                                        result.result().bodyAsString(),
                                        null)
                                : new Answer(sent, received, 0, null, String.valueOf(result.cause())));
            }
            if (result.succeeded() && closesConnection(result.result())) {
                closingAnswers.incrementAndGet();
            }
            if (result.succeeded() && InFlight.isSuccess(result.result().statusCode())) {
                latencyNanos.recordValue(Math.max(1, received - sent));
                wave.answered(received, null);
            } else {
                wave.answered(
                        received, result.succeeded() ? describe(result.result()) : String.valueOf(result.cause()));
            }
        });
    }

    private static boolean closesConnection(HttpResponse<Buffer> response) {
        return ConnectionClose.announced(response.version(), response.getHeader("Connection"));
    }

    private static String describe(HttpResponse<Buffer> response) {
        return InFlight.describe(response.statusCode(), response.bodyAsString());
    }

    private record Shard(WebClient web, Context context, int requests) {}
}
