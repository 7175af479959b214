package dev.loopbench.benchmarks;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;

/**
 * How every Vert.x client of loopbench speaks to a target: waves, bystanders and the open model.
 * Plain HTTP/1.1, keep-alive, no pipelining and never an h2c upgrade (servers without it, uvicorn
 * among them, answer one with 400); TLS for an {@code https://} target, trusting any certificate
 * only with --insecure.
 */
public final class ClientOptions {

    private ClientOptions() {}

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
