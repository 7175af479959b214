package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Bad requests")
class BadRequestsTest {

    private static InProcessServer server;

    @BeforeAll
    static void start() {
        server = InProcessServer.withDefaultWarnings(new ServerShape(1, 2, 1), 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                arguments("ms is not a number", get("/timer?ms=abc"), 400),
                arguments("ms is empty", get("/timer?ms="), 400),
                arguments("ms has no value at all", get("/timer?ms"), 400),
                arguments("ms is negative", get("/event-loop-sleep?ms=-1"), 400),
                arguments("ms is just above the limit", get("/timer?ms=10001"), 400),
                arguments("ms overflows a long", get("/timer?ms=99999999999999999999999"), 400),
                arguments("ms is a decimal", get("/timer?ms=1.5"), 400),
                arguments("ms is in exponent form", get("/timer?ms=1e3"), 400),
                arguments("ms is hexadecimal", get("/timer?ms=0x10"), 400),
                arguments("ms has an explicit plus sign", get("/timer?ms=%2B5"), 400),
                arguments("ms has a leading space", get("/timer?ms=%205"), 400),
                arguments("ms uses full-width digits", get("/timer?ms=%EF%BC%95"), 400),
                arguments("ms is given twice", get("/timer?ms=1&ms=2"), 400),
                arguments("ms is not a number on a compute path", get("/event-loop-compute?ms=abc"), 400),
                arguments("ms is negative on a compute path", get("/execute-blocking-compute?ms=-5"), 400),
                arguments("ms is above the limit on a compute path", get("/event-loop-compute?ms=10001"), 400),
                arguments("the query has a broken percent escape", get("/timer?ms=%zz"), 400),
                arguments("the query has a truncated percent escape", get("/timer?ms=5%"), 400),
                arguments("the path is unknown", get("/nope"), 404),
                arguments("the path is the root", get("/"), 404),
                arguments("the path has a trailing slash", get("/timer/"), 404),
                arguments("the path is upper case", get("/TIMER"), 404),
                arguments("the path has a double slash", get("//timer"), 404),
                arguments("the path climbs with ..", get("/timer/../health"), 404),
                arguments("the metrics path has a trailing slash", get("/metrics/"), 404),
                arguments("the metrics path is Prometheus's other habit", get("/prometheus"), 404),
                arguments("the method is POST", request("POST", "/timer?ms=1"), 405),
                arguments("the method is PUT", request("PUT", "/event-loop-sleep"), 405),
                arguments("the method is DELETE on /health", request("DELETE", "/health"), 405),
                arguments("the method is POST on /metrics", request("POST", "/metrics"), 405),
                arguments("the method is PUT on a compute path", request("PUT", "/event-loop-compute?ms=1"), 405),
                arguments("the method is made up", request("BREW", "/timer"), 405),
                arguments("the request line is garbage", "HELLO\r\n\r\n", 400),
                arguments("the bytes are binary garbage", "\u0000\u0001\u0002\u00ff\r\n\r\n", 400),
                arguments("the version is not HTTP", "GET /timer HTTP/x.y\r\n\r\n", 400),
                arguments(
                        "the URI has a raw space", "GET /ti mer HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", 400),
                arguments(
                        "Content-Length is not a number",
                        "GET /timer HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\nConnection: close\r\n\r\n",
                        400),
                arguments("the request line is huge", get("/timer?ms=1&pad=" + "x".repeat(8000)), 414),
                arguments(
                        "a header is huge",
                        "GET /timer HTTP/1.1\r\nHost: t\r\nX-Big: " + "y".repeat(10_000)
                                + "\r\nConnection: close\r\n\r\n",
                        431));
    }

    @ParameterizedTest(name = "{0}: {2} with a JSON error")
    @MethodSource("badRequests")
    void answersWithTheRightStatusAndAJsonError(String what, String request, int expectedStatus) throws IOException {
        RawHttp.Reply reply = RawHttp.send(server.url(), request);
        String context = what + "; sent " + abbreviate(request) + "; got " + reply;
        assertEquals(expectedStatus, reply.status(), context);
        assertTrue(reply.hasJsonContentType(), "the error should be JSON: " + context);
        String error = reply.json().getString("error");
        assertTrue(error != null && !error.isBlank(), "the JSON should say what was wrong in 'error': " + context);
        assertHealthy("after " + what);
    }

    @ParameterizedTest(name = "a wrong method on {0} gets 405 with an Allow: GET header")
    @ValueSource(strings = {"/timer", "/metrics", "/execute-blocking-compute"})
    void wrongMethodSaysWhatIsAllowed(String path) throws IOException {
        RawHttp.Reply reply = RawHttp.send(server.url(), request("POST", path));
        assertEquals(405, reply.status(), "got " + reply);
        assertTrue(reply.headers().contains("Allow: GET"), "got " + reply);
    }

    @Test
    @DisplayName("the 404 message lists every endpoint, /metrics included")
    void notFoundListsEveryEndpoint() throws IOException {
        String error = RawHttp.send(server.url(), get("/nope")).json().getString("error");
        for (HandlerStyle style : HandlerStyle.values()) {
            assertTrue(error.contains("/" + style.path() + ","), "should list /" + style.path() + ": " + error);
        }
        assertTrue(error.contains("/health") && error.contains("/metrics"), error);
    }

    @Test
    @DisplayName("an error message says what was wrong and what is allowed")
    void errorMessagesSayWhatIsAllowed() throws IOException {
        RawHttp.Reply reply = RawHttp.send(server.url(), get("/timer?ms=abc"));
        String error = reply.json().getString("error");
        assertTrue(error.contains("\"abc\"") && error.contains("0 to 10000"), "got " + reply);
    }

    @Test
    @DisplayName("a client that hangs up mid-wait does not hurt the server")
    void clientHangingUpMidWait() throws IOException, InterruptedException {
        URI uri = URI.create(server.url());
        for (String path :
                new String[] {"/event-loop-sleep?ms=100", "/execute-blocking-ordered?ms=100", "/timer?ms=100"}) {
            try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
                socket.getOutputStream().write(get(path).getBytes(StandardCharsets.ISO_8859_1));
                Thread.sleep(20);
            }
        }
        Thread.sleep(250);
        assertHealthy("after three clients hung up mid-wait");
    }

    @Test
    @DisplayName("HEAD on a wait endpoint gets 405 and no body")
    void headIsNotAllowed() throws IOException {
        RawHttp.Reply reply = RawHttp.send(server.url(), request("HEAD", "/timer"));
        assertEquals(405, reply.status(), "got " + reply);
        assertTrue(reply.hasJsonContentType(), "got " + reply);
        assertTrue(reply.body().isEmpty(), "a response to HEAD carries no body; got " + reply);
    }

    private static void assertHealthy(String when) throws IOException {
        RawHttp.Reply health = RawHttp.send(server.url(), get("/health"));
        assertEquals(200, health.status(), "/health " + when + ": " + health);
        assertEquals("up", health.json().getString("status"), "/health " + when + ": " + health);
    }

    private static String get(String target) {
        return request("GET", target);
    }

    private static String request(String method, String target) {
        return method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    }

    private static String abbreviate(String request) {
        String printable = request.replace("\r", "\\r").replace("\n", "\\n");
        return printable.length() <= 120 ? "'" + printable + "'" : "'" + printable.substring(0, 120) + "...'";
    }
}
