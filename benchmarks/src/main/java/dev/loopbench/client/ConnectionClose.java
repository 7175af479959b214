package dev.loopbench.client;

import io.vertx.core.http.HttpVersion;

/**
 * Whether an answer ends its connection, by HTTP/1.1's rule: 1.1 keeps a connection open unless
 * the server says {@code Connection: close}; 1.0 closes it unless it says {@code keep-alive}. The
 * wave client and the open model's sender count such answers, because each costs a new
 * connection that is then inside the measured time.
 */
public final class ConnectionClose {

    private ConnectionClose() {}

    /** @param connectionHeader the answer's {@code Connection} header, null when it has none */
    public static boolean announced(HttpVersion version, String connectionHeader) {
        return version == HttpVersion.HTTP_1_0
                ? !"keep-alive".equalsIgnoreCase(connectionHeader)
                : "close".equalsIgnoreCase(connectionHeader);
    }
}
