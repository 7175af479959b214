package dev.loopbench.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Servers that are not loopbench's and not Vert.x: the JDK's own {@code HttpServer}, whose handler
 * sleeps {@code ?ms=} on a fixed pool of k threads. Its lanes are k by construction, an answer
 * known without loopbench's model. Variants behave like servers loopbench meets in the wild.
 */
public final class JdkHttpServer implements AutoCloseable {

    public enum Behaviour {
        /** Answers every request. */
        PLAIN,
        /** Answers a request with an {@code Upgrade} header with 400, as uvicorn does. */
        REJECTS_UPGRADE,
        /** Closes the connection after every response ({@code Connection: close}). */
        CLOSES_CONNECTIONS
    }

    static {
        // Without it the JDK server writes headers and body in two segments, and Nagle's algorithm
        // holds the body until the client's delayed ACK: 44 ms per request instead of 0.5 ms (ab -k,
        // one connection). The lanes would then be the known k plus that stall.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService lanes;
    final AtomicInteger upgradeRequests = new AtomicInteger();

    private JdkHttpServer(int lanes, Behaviour behaviour) throws IOException {
        this.lanes = Executors.newFixedThreadPool(lanes);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> handle(exchange, behaviour));
        server.setExecutor(this.lanes);
        server.start();
    }

    public static JdkHttpServer start(int lanes, Behaviour behaviour) throws IOException {
        return new JdkHttpServer(lanes, behaviour);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange, Behaviour behaviour) throws IOException {
        try (exchange) {
            if (exchange.getRequestHeaders().containsKey("Upgrade")) {
                upgradeRequests.incrementAndGet();
                if (behaviour == Behaviour.REJECTS_UPGRADE) {
                    reply(exchange, 400, "Unsupported upgrade request.");
                    return;
                }
            }
            if (behaviour == Behaviour.CLOSES_CONNECTIONS) {
                exchange.getResponseHeaders().set("Connection", "close");
            }
            sleep(delayOf(exchange));
            reply(exchange, 200, "{\"slept\":true}");
        }
    }

    private static int delayOf(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("ms=")) {
                    return Integer.parseInt(pair.substring(3));
                }
            }
        }
        return 0;
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        lanes.shutdownNow();
        lanes.awaitTermination(10, TimeUnit.SECONDS);
    }
}
