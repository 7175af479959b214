package dev.loopbench.diagnose;

import dev.loopbench.model.Statistics;
import dev.loopbench.targets.ProbeClient;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A few requests one after another on one connection, read off a plain socket, so that the parts
 * of a request's time the wave client cannot see apart are seen apart: setting up a connection
 * (and a TLS handshake), the server's time to its first byte, and the time from its first byte to
 * its last. A keep-alive answer sent in two writes, headers then body, by a server with Nagle's
 * algorithm on, waits for the client's delayed ACK between the two: its last byte comes about
 * 40 ms after its first (Linux), while a server that writes once, or sets TCP_NODELAY, sends both
 * together. The first request of a connection is left out of the medians: Linux acknowledges the
 * first segments of a connection at once, so the stall shows only on later ones.
 *
 * @param requests requests sent and answered
 * @param connections connections opened for them (more than one: the server closed them)
 * @param closedByServer answers that closed their connection ({@code Connection: close}, HTTP/1.0
 *     without keep-alive, or an answer that ended with the connection)
 * @param version the protocol of the last status line, such as {@code HTTP/1.1}
 * @param connectMillis median time to open a connection, TCP and TLS
 * @param handshakeMillis median TLS handshake within that; NaN for plain HTTP
 * @param firstByteMillis median time from the request's last byte sent to the answer's first byte
 * @param lastByteMillis median time from the request sent to the answer's last byte
 * @param failure why it could not measure, if it could not; the diagnosis goes on without it
 */
public record AnswerTiming(
        int requests,
        int connections,
        int closedByServer,
        String version,
        double connectMillis,
        double handshakeMillis,
        double firstByteMillis,
        double lastByteMillis,
        Optional<String> failure) {

    static final int REQUESTS = 6;

    /** The time from an answer's first byte to its last: what Nagle and delayed ACK add. */
    public double stallMillis() {
        return lastByteMillis - firstByteMillis;
    }

    public boolean measured() {
        return failure.isEmpty() && requests > 0;
    }

    /** Whether the server closed (nearly) every connection after one answer. */
    public boolean closesEveryConnection() {
        return measured() && closedByServer * 2 >= requests;
    }

    static AnswerTiming unavailable(String why) {
        return new AnswerTiming(0, 0, 0, "", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Optional.of(why));
    }

    public static AnswerTiming measure(String requestUrl, boolean insecure, int timeoutMillis) {
        URI uri;
        try {
            uri = URI.create(requestUrl);
        } catch (IllegalArgumentException e) {
            return unavailable("not a URL: " + requestUrl);
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        byte[] request = ("GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
                        + "\r\nUser-Agent: loopbench-diagnose\r\nAccept: */*\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        List<Double> connects = new ArrayList<>();
        List<Double> handshakes = new ArrayList<>();
        List<Double> firstBytes = new ArrayList<>();
        List<Double> lastBytes = new ArrayList<>();
        List<Double> firstBytesOnNew = new ArrayList<>();
        List<Double> lastBytesOnNew = new ArrayList<>();
        int connections = 0;
        int closed = 0;
        String version = "";
        Socket socket = null;
        InputStream in = null;
        int onThisConnection = 0;
        try {
            for (int i = 0; i < REQUESTS; i++) {
                if (socket == null) {
                    long start = System.nanoTime();
                    socket = new Socket();
                    socket.setSoTimeout(timeoutMillis);
                    socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                    if (tls) {
                        long handshake = System.nanoTime();
                        SSLSocket secure =
                                (SSLSocket) context(insecure).getSocketFactory().createSocket(socket, host, port, true);
                        secure.startHandshake();
                        handshakes.add((System.nanoTime() - handshake) / 1e6);
                        socket = secure;
                    }
                    connects.add((System.nanoTime() - start) / 1e6);
                    in = new BufferedInputStream(socket.getInputStream());
                    connections++;
                    onThisConnection = 0;
                }
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                long sent = System.nanoTime();
                int first = in.read();
                long firstByte = System.nanoTime();
                if (first < 0) {
                    if (onThisConnection > 0) { // the server closed a connection it had kept open: again, on a new one
                        socket.close();
                        socket = null;
                        i--;
                        continue;
                    }
                    throw new EOFException("the server closed the connection without an answer");
                }
                Answer answer = read(first, in);
                long lastByte = System.nanoTime();
                version = answer.version();
                if (answer.status() / 100 != 2) {
                    throw new IOException("HTTP " + answer.status());
                }
                if (onThisConnection > 0) {
                    firstBytes.add((firstByte - sent) / 1e6);
                    lastBytes.add((lastByte - sent) / 1e6);
                } else if (i > 0) { // the first request of all also warms the server's path
                    firstBytesOnNew.add((firstByte - sent) / 1e6);
                    lastBytesOnNew.add((lastByte - sent) / 1e6);
                }
                onThisConnection++;
                if (answer.closes()) {
                    closed++;
                    socket.close();
                    socket = null;
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return unavailable("one request at a time failed: " + e);
        } finally {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // gone already
                }
            }
        }
        return new AnswerTiming(
                REQUESTS,
                connections,
                closed,
                version,
                Statistics.median(connects),
                tls ? Statistics.median(handshakes) : Double.NaN,
                Statistics.median(firstBytes.isEmpty() ? firstBytesOnNew : firstBytes),
                Statistics.median(lastBytes.isEmpty() ? lastBytesOnNew : lastBytes),
                Optional.empty());
    }

    private record Answer(String version, int status, boolean closes) {}

    /** The rest of an answer whose first byte is {@code first}: its head, then its body, to the last byte. */
    private static Answer read(int first, InputStream in) throws IOException {
        String statusLine = (char) first + line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        String version = parts[0];
        int status = Integer.parseInt(parts[1].trim());
        long length = -1;
        boolean chunked = false;
        String connection = "";
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> connection = value.toLowerCase(Locale.ROOT);
                default -> {}
            }
        }
        boolean closes = "HTTP/1.0".equals(version) ? !connection.contains("keep-alive") : connection.contains("close");
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                skip(in, size);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(in, length);
        } else if (status != 204 && status != 304) {
            while (in.read() >= 0) {
                // no length: the body ends with the connection
            }
            closes = true;
        }
        return new Answer(version, status, closes);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the answer ended inside its head");
            }
            if (c != '\r') {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0; left--) {
            if (in.read() < 0) {
                throw new EOFException("the answer ended " + left + " bytes before its length");
            }
        }
    }

    private static SSLContext context(boolean insecure) throws GeneralSecurityException {
        if (!insecure) {
            return SSLContext.getDefault();
        }
        return ProbeClient.trustingEveryone();
    }
}
