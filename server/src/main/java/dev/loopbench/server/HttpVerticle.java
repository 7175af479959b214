package dev.loopbench.server;

import dev.loopbench.model.HandlerStyle;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** One HTTP server instance on its own event loop; the server deploys one per event loop. */
final class HttpVerticle extends VerticleBase {

    private final String host;
    private final int port;
    private final RequestRouter router;
    private HttpServer server;

    HttpVerticle(String host, int port, RequestRouter router) {
        this.host = host;
        this.port = port;
        this.router = router;
    }

    @Override
    public Future<?> start() {
        server = vertx.createHttpServer(new HttpServerOptions())
                .requestHandler(router)
                .invalidRequestHandler(HttpVerticle::rejectMalformed)
                // Every malformed request already got its JSON 4xx above, and resets are the client's business.
                .exceptionHandler(ignoredConnectionFailure -> {});
        return server.listen(port, host);
    }

    int actualPort() {
        return server.actualPort();
    }

    /** Stops accepting, lets requests in flight finish for up to {@code grace}, then closes. */
    Future<Void> shutdown(Duration grace) {
        return server.shutdown(grace);
    }

    /** Requests Netty could not even parse: the same statuses as Vert.x's default, but with a JSON body. */
    private static void rejectMalformed(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status;
        String message;
        if (cause instanceof TooLongHttpLineException) {
            status = 414;
            message = "the request line is too long: at most 4096 bytes are allowed";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = 431;
            message = "the request headers are too large: at most 8192 bytes are allowed";
        } else {
            status = 400;
            message = "not a valid HTTP/1.x request (" + (cause == null ? "unreadable" : cause.getMessage())
                    + "); send GET /<endpoint>?ms=<0.." + HandlerStyle.MAX_DELAY_MS + ">";
        }
        request.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Replies.JSON)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("error", message).encode())
                .onComplete(ignored -> request.connection().close());
    }
}
