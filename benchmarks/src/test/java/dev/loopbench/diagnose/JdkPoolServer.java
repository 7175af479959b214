package dev.loopbench.diagnose;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The JDK's own {@code HttpServer} with a fixed pool of k threads, as a process of its own so that
 * {@code -Dsun.net.httpserver.nodelay=true} applies or not, as its command line says: without it the
 * server writes an answer's headers and body in two sends on a socket with Nagle's algorithm on.
 * {@code GET /work?ms=D} sleeps D ms on one of the k threads: its lanes are k by construction.
 *
 * <pre>java [-Dsun.net.httpserver.nodelay=true] -cp benchmarks/target/test-classes dev.loopbench.diagnose.JdkPoolServer K</pre>
 */
public final class JdkPoolServer {

    private JdkPoolServer() {}

    public static void main(String[] args) throws IOException {
        int threads = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", JdkPoolServer::handle);
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        System.out.println(
                "listening on http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            int ms = 50;
            if (query != null && query.startsWith("ms=")) {
                ms = Integer.parseInt(query.substring(3));
            }
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"slept\":" + ms + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
