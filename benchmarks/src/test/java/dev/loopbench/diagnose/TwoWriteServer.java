package dev.loopbench.diagnose;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A plain HTTP/1.1 server on a {@link ServerSocket}, written the way many small servers are: one
 * thread per connection, keep-alive, and every answer in two sends, its headers and then its body,
 * on a socket with Nagle's algorithm on (the JDK's default). The body then waits for the client's
 * delayed ACK of the headers, about 40 ms on Linux, on every keep-alive answer. {@code GET /work?ms=D}
 * holds one of {@code lanes} permits while it sleeps D ms (50 without {@code ms}), so its lanes are
 * known by construction.
 *
 * <p>Neither Vert.x nor the JDK's {@code HttpServer}: nothing of what loopbench measures with. Runs
 * in the test's JVM, or on its own: {@code java -cp benchmarks/target/test-classes
 * dev.loopbench.diagnose.TwoWriteServer LANES [PORT]}.
 */
public final class TwoWriteServer implements AutoCloseable {

    /** Without {@code ?ms=}: so that diagnose without {@code --ms} has a D to find. */
    static final int DEFAULT_DELAY_MS = 50;

    private final ServerSocket listener;
    private final Semaphore lanes;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "two-write-connection");
        thread.setDaemon(true);
        return thread;
    });

    private TwoWriteServer(int lanes, int port) throws IOException {
        this.lanes = new Semaphore(lanes, true);
        this.listener = new ServerSocket(port, 1024, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "two-write-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static TwoWriteServer start(int lanes) throws IOException {
        return new TwoWriteServer(lanes, 0);
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    public static void main(String[] args) throws Exception {
        int lanes = Integer.parseInt(args[0]);
        TwoWriteServer server = new TwoWriteServer(lanes, args.length > 1 ? Integer.parseInt(args[1]) : 0);
        System.out.println("listening on " + server.url() + " with " + lanes + " lanes");
        Thread.currentThread().join();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept(); // Nagle stays on: TCP_NODELAY is false by default
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            String requestLine;
            while ((requestLine = readHead(in)) != null) {
                int ms = delayOf(requestLine);
                lanes.acquire();
                try {
                    Thread.sleep(ms);
                } finally {
                    lanes.release();
                }
                byte[] body = String.format(Locale.ROOT, "{\"slept\":%d}", ms).getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                out.write(body); // the second send: Nagle holds it until the headers are acknowledged
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the server is closing
        }
    }

    /** The request line, after reading the rest of the head; null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        String first = null;
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = line.toString().strip();
                line.setLength(0);
                if (first == null) {
                    first = text;
                } else if (text.isEmpty()) {
                    return first;
                }
            } else {
                line.append((char) c);
            }
        }
        return null;
    }

    private static int delayOf(String requestLine) {
        int at = requestLine.indexOf("ms=");
        if (at < 0) {
            return DEFAULT_DELAY_MS;
        }
        int end = at + 3;
        while (end < requestLine.length() && Character.isDigit(requestLine.charAt(end))) {
            end++;
        }
        return end == at + 3 ? 0 : Integer.parseInt(requestLine.substring(at + 3, end));
    }

    @Override
    public void close() throws IOException {
        try {
            listener.close();
        } catch (SocketException e) {
            // already closed
        }
        connections.shutdownNow();
    }
}
