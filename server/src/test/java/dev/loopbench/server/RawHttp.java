package dev.loopbench.server;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Sends bytes a real HTTP client would never send, and reads whatever comes back. */
final class RawHttp {

    record Reply(int status, String headers, String body) {

        JsonObject json() {
            try {
                return new JsonObject(body);
            } catch (DecodeException e) {
                throw new AssertionError("the body is not JSON: " + this, e);
            }
        }

        boolean hasJsonContentType() {
            return headers.toLowerCase(Locale.ROOT).contains("content-type: application/json");
        }
    }

    private RawHttp() {}

    /** Writes {@code request} as is, then reads until the server closes the connection. */
    static Reply send(String url, byte[] request) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String raw = readUntilClosed(socket.getInputStream());
            int endOfHeaders = raw.indexOf("\r\n\r\n");
            if (!raw.startsWith("HTTP/1.") || endOfHeaders < 0) {
                throw new AssertionError("not an HTTP response: '" + raw + "'");
            }
            int status = Integer.parseInt(raw.substring(9, 12));
            return new Reply(status, raw.substring(0, endOfHeaders), raw.substring(endOfHeaders + 4));
        }
    }

    static Reply send(String url, String request) throws IOException {
        return send(url, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the server neither answered in full nor closed the connection within 10 s; got '"
                            + bytes.toString(StandardCharsets.ISO_8859_1) + "'",
                    e);
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
