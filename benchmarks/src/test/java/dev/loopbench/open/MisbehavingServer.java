package dev.loopbench.open;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JDK {@code HttpServer} with one thread that answers at once, except:
 * <ul>
 * <li>{@code /stall}: the first request that arrives {@code stallAfterMillis} or later after the
 *     first one holds the thread for {@code stallMillis}, once; the requests that arrive meanwhile
 *     wait, and are answered together when it ends (a GC pause, a lock, a blocked event loop);</li>
 * <li>{@code /flaky}: of the requests in the order they arrive (1, 2, ...), every 5th is never
 *     answered and every other 4th gets a 500.</li>
 * </ul>
 */
final class MisbehavingServer implements AutoCloseable {

    static {
        // headers and body in one segment: without it Nagle's algorithm delays answers by 40 ms
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final long stallAfterMillis;
    private final long stallMillis;
    private final AtomicLong firstArrivalNanos = new AtomicLong();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicInteger flakyArrivals = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    MisbehavingServer(long stallAfterMillis, long stallMillis) throws IOException {
        this.stallAfterMillis = stallAfterMillis;
        this.stallMillis = stallMillis;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/stall", this::stall);
        server.createContext("/flaky", this::flaky);
        server.setExecutor(thread);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void stall(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        firstArrivalNanos.compareAndSet(0, now);
        if (now - firstArrivalNanos.get() >= TimeUnit.MILLISECONDS.toNanos(stallAfterMillis)
                && stalled.compareAndSet(false, true)) {
            try {
                Thread.sleep(stallMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply(exchange, 200, "{}");
    }

    private void flaky(HttpExchange exchange) throws IOException {
        int arrival = flakyArrivals.incrementAndGet();
        if (arrival % 5 == 0) {
            unanswered.incrementAndGet();
            return; // the exchange stays open until the client gives up
        }
        if (arrival % 4 == 0) {
            failed.incrementAndGet();
            reply(exchange, 500, "{\"error\":\"flaky\"}");
        } else {
            reply(exchange, 200, "{}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }
}
