package dev.loopbench.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.VertxMetricsFactory;
import java.time.Duration;

/**
 * What the server measures of itself, served at {@code /metrics} in the Prometheus text format:
 * the event loops' lag ({@link EventLoopLagSampler}) and the worker pools' queue and active count
 * ({@link WorkerPoolMetrics}).
 */
final class ServerMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile EventLoopLagSampler lagProbe;

    /** For {@code Vertx.builder().withMetrics(...)}: the worker pool counts. */
    VertxMetricsFactory vertxMetrics() {
        return WorkerPoolMetrics.factory(registry);
    }

    /** Starts the lag probe with one tick per {@code periodMs}; 0 leaves it off. */
    Future<Void> startLagProbe(Vertx vertx, int periodMs) {
        if (periodMs == 0) {
            return Future.succeededFuture();
        }
        return EventLoopLagSampler.start(vertx, registry, Duration.ofMillis(periodMs))
                .map(probe -> {
                    lagProbe = probe;
                    return null;
                });
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Renders on the event loop that received the request, as {@code /health} answers: on a
     * worker thread the scrape would count itself in the worker pool gauges. It takes 80 to 100 µs
     * for E = 2 (14 KB of text, {@code LagProbeCostIT}), which that loop's lag shows.
     */
    void reply(HttpServerRequest request) {
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(registry.scrape());
    }

    void stop() {
        if (lagProbe != null) {
            lagProbe.stop();
        }
    }
}
