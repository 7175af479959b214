package dev.loopbench.server;

import static dev.loopbench.server.Await.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The server tests' client. It fires waves of simultaneous GETs from a Vert.x of its own, over
 * keep-alive connections opened beforehand (one per request, so a wave measures the server), and
 * keeps every response for the assertions.
 */
final class WaveTestClient implements AutoCloseable {

    private static final int CLIENT_EVENT_LOOPS = 4;

    record Response(int status, JsonObject body) {}

    record Wave(String pathAndQuery, double millis, List<Response> responses) {

        List<JsonObject> bodies() {
            return responses.stream().map(Response::body).collect(Collectors.toList());
        }

        /** Fails with every status and body when any request did not answer 200. */
        Wave assertAllOk() {
            if (responses.stream().anyMatch(response -> response.status() != 200)) {
                throw new AssertionError(
                        "not every request of the wave " + pathAndQuery + " answered 200: " + responses);
            }
            return this;
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final List<Context> contexts = new ArrayList<>();
    private final AtomicInteger nextContext = new AtomicInteger();
    private final HttpClientAgent client;
    private final String host;
    private final int port;
    private final int connections;

    WaveTestClient(String url, int connections) {
        URI uri = URI.create(url);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.connections = connections;
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections));
        for (int i = 0; i < CLIENT_EVENT_LOOPS; i++) {
            contexts.add(vertx.getOrCreateContext()); // from a non-Vert.x thread: a new event-loop context each time
        }
    }

    /**
     * Opens all the connections: each warm-up request holds its connection for a while, so the
     * pool must open one per request; the server's acceptor spreads them over its event loops.
     */
    WaveTestClient warm() {
        fire("/timer?ms=50", connections).assertAllOk();
        return this;
    }

    Wave fire(String pathAndQuery, int requests) {
        if (requests > connections) {
            throw new IllegalArgumentException(
                    requests + " requests need " + requests + " connections, the pool has " + connections);
        }
        long start = System.nanoTime();
        List<Future<Response>> pending = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            pending.add(get(pathAndQuery));
        }
        await(Future.join(pending));
        double millis = (System.nanoTime() - start) / 1e6;
        return new Wave(
                pathAndQuery, millis, pending.stream().map(Future::result).collect(Collectors.toList()));
    }

    Response one(String pathAndQuery) {
        return await(get(pathAndQuery));
    }

    /**
     * Runs the whole exchange on a client event loop: driven from the test thread, a response can
     * arrive before {@code body()} is asked for, and its body is lost.
     */
    private Future<Response> get(String pathAndQuery) {
        Promise<Response> exchanged = Promise.promise();
        Context context = contexts.get(Math.floorMod(nextContext.getAndIncrement(), contexts.size()));
        context.runOnContext(ignored -> client.request(HttpMethod.GET, port, host, pathAndQuery)
                .compose(request -> request.send().compose(response -> response.body()
                        .map(body -> new Response(
                                response.statusCode(), body.length() == 0 ? new JsonObject() : body.toJsonObject()))))
                .onComplete(exchanged));
        return exchanged.future();
    }

    @Override
    public void close() {
        await(vertx.close());
    }
}
