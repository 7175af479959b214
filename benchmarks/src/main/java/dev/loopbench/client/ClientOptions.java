package dev.loopbench.client;

import dev.loopbench.benchmarks.ForkSettings;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.net.URI;

/**
 * How every Vert.x client of loopbench speaks to a target: waves, bystanders and the open model.
 * Plain HTTP/1.1, keep-alive, no pipelining and never an h2c upgrade (servers without it, uvicorn
 * among them, answer one with 400); TLS for an {@code https://} target, trusting any certificate
 * only with --insecure.
 */
public final class ClientOptions {

    private ClientOptions() {}

    /** Where a request URL points, as Vert.x's clients take it. */
    public record Endpoint(String host, int port, boolean tls, String uri) {}

    /** The host without an IPv6 address's URL brackets, the scheme's port when none is given, the raw path and query. */
    public static Endpoint endpoint(String requestUrl) {
        URI parsed = URI.create(requestUrl);
        boolean tls = "https".equals(parsed.getScheme());
        String host = parsed.getHost();
        return new Endpoint(
                host.startsWith("[") ? host.substring(1, host.length() - 1) : host,
                parsed.getPort() > 0 ? parsed.getPort() : tls ? 443 : 80,
                tls,
                parsed.getRawPath() + (parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery()));
    }

    public static HttpClientOptions forTarget(boolean tls) {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setHttp2ClearTextUpgrade(false)
                .setKeepAlive(true)
                .setPipelining(false);
        if (tls) {
            boolean insecure = ForkSettings.insecure();
            options.setSsl(true).setTrustAll(insecure).setVerifyHost(!insecure);
        }
        return options;
    }
}
