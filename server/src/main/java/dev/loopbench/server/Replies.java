package dev.loopbench.server;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Every response the server sends is JSON, errors included. */
final class Replies {

    /** Made once, and written as bytes: Netty copies an optimized header value without re-encoding it. */
    static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");

    private Replies() {}

    static void json(HttpServerRequest request, int status, JsonObject body) {
        json(request, status, body.encode());
    }

    static void json(HttpServerRequest request, int status, String encodedBody) {
        HttpServerResponse response = request.response();
        if (response.ended() || response.closed()) {
            return; // the client went away while we waited; nobody to answer
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(encodedBody);
    }

    static void error(HttpServerRequest request, int status, String message) {
        json(request, status, new JsonObject().put("error", message));
    }
}
