package dev.loopbench.server;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.server.handlers.WorkDone;
import dev.loopbench.server.handlers.WorkReply;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Routes a request to its wait handler or to {@code /health}, and answers with the timestamps
 * that show queueing. Anything the client got wrong is a 4xx with a JSON error; a 500 would mean
 * a loopbench bug.
 */
final class RequestRouter implements Handler<HttpServerRequest> {

    static final String HEALTH = "/health";
    static final String METRICS = "/metrics";
    private static final Map<String, HandlerStyle> STYLES_BY_PATH = Arrays.stream(HandlerStyle.values())
            .collect(Collectors.toUnmodifiableMap(style -> "/" + style.path(), Function.identity()));
    private static final String ENDPOINTS =
            Arrays.stream(HandlerStyle.values())
                            .map(style -> "/" + style.path())
                            .collect(Collectors.joining(", ")) + ", " + HEALTH + ", " + METRICS;

    private final WorkHandlers handlers;
    private final ServerFacts facts;
    private final String healthJson;
    private final ServerMetrics metrics;

    RequestRouter(WorkHandlers handlers, ServerFacts facts, ServerMetrics metrics) {
        this.handlers = handlers;
        this.facts = facts;
        this.healthJson = facts.toJson().encode(); // nothing in it changes while the server runs
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpServerRequest request) {
        long receivedNanos = System.nanoTime();
        try {
            route(request, receivedNanos);
        } catch (ClientError e) {
            if (e.status() == 405) {
                request.response().putHeader("Allow", "GET");
            }
            Replies.error(request, e.status(), e.getMessage());
        } catch (WorkDone.WaitInterrupted e) {
            Replies.error(request, 503, e.getMessage());
        } catch (RuntimeException e) {
            Replies.error(request, 500, "loopbench bug, please report it: " + e);
        }
    }

    private void route(HttpServerRequest request, long receivedNanos) {
        String path = Objects.requireNonNullElse(request.path(), "");
        HandlerStyle style = STYLES_BY_PATH.get(path);
        if (style == null && !HEALTH.equals(path) && !METRICS.equals(path)) {
            throw new ClientError(
                    404,
                    "no endpoint at " + abbreviate(path) + "; the endpoints are " + ENDPOINTS
                            + " (GET, with ?ms= from 0 to " + HandlerStyle.MAX_DELAY_MS + ")");
        }
        if (request.method() != HttpMethod.GET) {
            throw new ClientError(405, request.method().name() + " is not allowed on " + path + "; use GET");
        }
        if (style == null) {
            if (METRICS.equals(path)) {
                metrics.reply(request);
            } else {
                Replies.json(request, 200, healthJson);
            }
            return;
        }
        if (style.needsVirtualThreads() && !facts.virtualThreads().available()) {
            throw new ClientError(
                    501,
                    path + " needs virtual threads: " + facts.virtualThreads().unavailableReason());
        }
        int ms = DelayParameter.parse(request);
        String receivedOn = Thread.currentThread().getName();
        handlers.of(style).work(ms).onComplete(waited -> {
            if (waited.succeeded()) {
                Replies.json(
                        request,
                        200,
                        new WorkReply(style.path(), ms, receivedOn, receivedNanos, waited.result()).toJson());
            } else if (waited.cause() instanceof WorkDone.WaitInterrupted) {
                Replies.error(request, 503, waited.cause().getMessage());
            } else {
                Replies.error(request, 500, "loopbench bug, please report it: the wait failed: " + waited.cause());
            }
        });
    }

    private static String abbreviate(String path) {
        return path.length() <= 80 ? path : path.substring(0, 80) + "...";
    }
}
