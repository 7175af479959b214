package dev.loopbench.targets;

import dev.loopbench.benchmarks.ForkSettings;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The one place that builds the HTTP client loopbench uses outside its waves: the probe of a
 * target before anything is measured, and {@code /health}.
 *
 * <p>It speaks plain HTTP/1.1. The JDK client's default is HTTP/2, which on an {@code http://}
 * URL sends {@code Connection: Upgrade, HTTP2-Settings} and {@code Upgrade: h2c}; uvicorn, like
 * every server without h2c, answers that with 400 "Unsupported upgrade request", and the probe
 * failed a target that the waves would have measured without trouble.
 */
public final class ProbeClient {

    private ProbeClient() {}

    /** @param insecure accept any certificate of an {@code https://} target, self-signed included */
    public static HttpClient client(boolean insecure, Duration connectTimeout) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout);
        if (insecure) {
            builder.sslContext(trustingEveryone());
        }
        return builder.build();
    }

    public static HttpResponse<String> get(HttpClient client, String url, Duration timeout)
            throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Why a probe failed, in one line, with the remedy when the cause is an unverifiable certificate. */
    public static String describe(IOException failure, String url) {
        boolean certificate = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            certificate |= cause instanceof SSLHandshakeException;
        }
        return failure
                + (certificate && url.startsWith("https:")
                        ? "; if the target's certificate is self-signed, add --insecure (the jar: -jvmArgsPrepend -D"
                                + ForkSettings.INSECURE_PROPERTY + "=true)"
                        : "");
    }

    /**
     * The JDK checks the host name inside the trust manager, so one that accepts everything skips
     * that check too, which is what {@code --insecure} promises and no more: only for the clients
     * that ask for it (this one, and diagnose's raw sockets).
     */
    public static SSLContext trustingEveryone() {
        TrustManager everyone = new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {everyone}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot create a TLS context: " + e, e);
        }
    }
}
