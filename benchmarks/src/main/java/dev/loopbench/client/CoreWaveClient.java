package dev.loopbench.client;

import dev.loopbench.server.Transports;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.HdrHistogram.Recorder;

/**
 * {@link WaveClient} on Vert.x's core {@code HttpClient}, the default ({@code -p client=core}).
 * Built so that the wave measures the server, never the client:
 * <ul>
 * <li>its own {@link Vertx}, with event loops of its own, separate from any server's, on Netty's
 *     native transport where it loads ({@link Transports});</li>
 * <li>no pool: the wave's N connections are opened one per request by the first, unmeasured wave
 *     ({@code HttpClientAgent.connect}), kept, and each later request of the same place in the wave
 *     goes on the same one: nothing to look up, no lock, no queue;</li>
 * <li>each connection belongs to one of the client's event loops, which opened it, and its
 *     requests are sent from that loop, all of a loop's in one task: sent from the benchmark
 *     thread, a response could arrive before its handlers are set;</li>
 * <li>the body is read only when someone reads it (the timeline's answers); otherwise the answer
 *     counts when it has ended, its status checked;</li>
 * <li>no timer per request: the wave has a deadline of its own, and a request still unanswered
 *     then fails the cell.</li>
 * </ul>
 * A connection the server closes (an answer with {@code Connection: close}, or any close) is
 * forgotten and opened again by the next request in its place, so such a target is still
 * measured, connection set-up included.
 */
final class CoreWaveClient extends ClientLoops {

    private final HttpClientAgent http;
    private final List<Context> contexts = new ArrayList<>();
    private final List<List<Slot>> slotsByLoop = new ArrayList<>();
    private final String uri;
    private final int concurrency;
    private final long timeoutMs;
    private final HttpConnectOptions connect;
    private final RequestOptions request;
    private final Recorder latencyNanos;

    CoreWaveClient(String requestUrl, int concurrency, long timeoutMs, Recorder latencyNanos) {
        super(ClientOptions.endpoint(requestUrl));
        this.uri = endpoint.uri();
        this.concurrency = concurrency;
        this.timeoutMs = timeoutMs;
        this.latencyNanos = latencyNanos;
        this.connect = new HttpConnectOptions()
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setSsl(endpoint.tls());
        this.request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(endpoint.host())
                .setPort(endpoint.port())
                .setURI(uri);
        this.http = vertx.httpClientBuilder()
                .with(ClientOptions.forTarget(endpoint.tls()))
                .build();
        contexts.addAll(contextPerLoop());
        for (int i = 0; i < contexts.size(); i++) {
            slotsByLoop.add(new ArrayList<>());
        }
        for (int i = 0; i < concurrency; i++) {
            slotsByLoop.get(i % contexts.size()).add(new Slot());
        }
    }

    @Override
    public Wave fire(Consumer<Answer> answers) throws InterruptedException {
        InFlight wave = new InFlight(concurrency);
        long start = System.nanoTime();
        for (int loop = 0; loop < contexts.size(); loop++) {
            List<Slot> slots = slotsByLoop.get(loop);
            if (!slots.isEmpty()) {
                contexts.get(loop)
                        .runOnContext(ignored -> wave.sendEach(slots.size(), i -> send(slots.get(i), wave, answers)));
            }
        }
        return wave.await(start, timeoutMs, "GET " + uri);
    }

    /** On the slot's event loop: its connection, opened first when it has none. */
    private void send(Slot slot, InFlight wave, Consumer<Answer> answers) {
        long sent = System.nanoTime();
        HttpClientConnection connection = slot.connection;
        Future<HttpClientConnection> ready = connection != null ? Future.succeededFuture(connection) : open(slot);
        ready.compose(open -> open.request(request))
                .compose(HttpClientRequest::send)
                .onComplete(result -> {
                    if (result.failed()) {
                        failed(wave, answers, sent, String.valueOf(result.cause()));
                    } else {
                        answered(slot, result.result(), wave, answers, sent);
                    }
                });
    }

    private Future<HttpClientConnection> open(Slot slot) {
        return http.connect(connect).onSuccess(opened -> {
            connectionsOpened.incrementAndGet();
            slot.connection = opened;
            opened.closeHandler(closed -> {
                connectionsClosed.incrementAndGet();
                if (slot.connection == opened) {
                    slot.connection = null;
                }
            });
        });
    }

    private void answered(Slot slot, HttpClientResponse response, InFlight wave, Consumer<Answer> answers, long sent) {
        if (ConnectionClose.announced(response.version(), response.getHeader("Connection"))) {
            closingAnswers.incrementAndGet();
            slot.connection = null; // the next request in this place must not find it closing
        }
        int status = response.statusCode();
        boolean success = InFlight.isSuccess(status);
        if (success && answers == null) {
            response.end().onComplete(ended -> {
                long received = System.nanoTime();
                if (ended.failed()) {
                    failed(wave, null, sent, String.valueOf(ended.cause()));
                } else {
                    latencyNanos.recordValue(Math.max(1, received - sent));
                    wave.answered(received, null);
                }
            });
            return;
        }
        response.body().onComplete(read -> {
            long received = System.nanoTime();
            if (read.failed()) {
                failed(wave, answers, sent, String.valueOf(read.cause()));
                return;
            }
            String body = read.result().toString();
            if (answers != null) {
                answers.accept(new Answer(sent, received, status, body, null));
            }
            if (success) {
                latencyNanos.recordValue(Math.max(1, received - sent));
                wave.answered(received, null);
            } else {
                wave.answered(received, InFlight.describe(status, body));
            }
        });
    }

    private static void failed(InFlight wave, Consumer<Answer> answers, long sent, String error) {
        long received = System.nanoTime();
        if (answers != null) {
            answers.accept(new Answer(sent, received, 0, null, error));
        }
        wave.answered(received, error);
    }

    /** One place in the wave: its connection, touched only from the event loop it belongs to. */
    private static final class Slot {
        HttpClientConnection connection;
    }
}
