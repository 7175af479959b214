package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;

/** A failed request is never a fast one: a cell with failures reports no score at all. */
@DisplayName("A failing target")
class FailingTargetsIT {

    private Vertx vertx;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "client={0}")
    @ValueSource(strings = {"core", "web"})
    @DisplayName(
            "that answers 500 now and then fails the benchmark, naming handler, concurrency, count and first error")
    void occasionalServerErrorsFailTheCell(String client) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer flaky = vertx.createHttpServer().requestHandler(request -> {
            int n = requests.incrementAndGet();
            // the probe and the warm-up wave pass; then every fifth request fails
            boolean fail = n > 20 && n % 5 == 0;
            vertx.setTimer(
                    5, id -> request.response().setStatusCode(fail ? 500 : 200).end(fail ? "boom " + n : "ok"));
        });
        int port = flaky.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS)
                .actualPort();

        Path output = Files.createTempFile("jmh-flaky", ".txt");
        Collection<RunResult> results = run(output, "http://127.0.0.1:" + port, "flaky", client);

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(
                results.isEmpty(),
                "client=" + client + ": no score may be reported for a cell with failed requests; got " + results.size()
                        + " results; JMH printed:\n" + printed);
        assertTrue(
                printed.contains("a measured wave of flaky with concurrency 8 failed")
                        && printed.contains("requests failed, the first with: HTTP 500 boom"),
                "client=" + client
                        + ": the failure should name the handler, the concurrency, the count and the first error:\n"
                        + printed);
    }

    @ParameterizedTest(name = "client={0}")
    @ValueSource(strings = {"core", "web"})
    @DisplayName("that now and then closes the connection instead of answering fails the benchmark: an unanswered"
            + " request is never a fast one")
    void connectionsClosedWithoutAnAnswerFailTheCell(String client) throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer rude = vertx.createHttpServer().requestHandler(request -> {
            int n = requests.incrementAndGet();
            boolean hangUp = n > 20 && n % 5 == 0; // the probe and the warm-up wave pass
            vertx.setTimer(5, id -> {
                if (hangUp) {
                    request.connection().close();
                } else {
                    request.response().end("ok");
                }
            });
        });
        int port = rude.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS)
                .actualPort();

        Path output = Files.createTempFile("jmh-rude", ".txt");
        Collection<RunResult> results = run(output, "http://127.0.0.1:" + port, "rude", client);

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(
                results.isEmpty(),
                "client=" + client + ": no score for a cell whose requests went unanswered; got " + results.size()
                        + " results; JMH printed:\n" + printed);
        assertTrue(
                printed.contains("a measured wave of rude with concurrency 8 failed")
                        && printed.contains("requests failed, the first with:"),
                "client=" + client + ": the failure should name the handler, the concurrency and the count:\n"
                        + printed);
        assertFalse(printed.contains("did not exit"), "nothing of client or server left running:\n" + printed);
    }

    @Test
    @DisplayName("that is down fails at set-up with one clear line and no stack trace")
    void targetDownFailsAtSetup() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path output = Files.createTempFile("jmh-down", ".txt");
        Collection<RunResult> results = run(output, "http://127.0.0.1:" + closedPort, "timer", "core");

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(results.isEmpty(), "a target that is down gives no score; JMH printed:\n" + printed);
        assertTrue(
                printed.contains("loopbench: target http://127.0.0.1:" + closedPort + " is not reachable"),
                "one clear line naming the target:\n" + printed);
        assertFalse(printed.contains("\tat "), "no stack trace:\n" + printed);
        assertFalse(printed.contains("did not exit"), "nothing of client or server left running:\n" + printed);
    }

    @Test
    @DisplayName("that would need more open files than the process may have fails at set-up, in one line, and its"
            + " fork exits at once")
    void tooManyFilesFailsAtSetup() throws Exception {
        long limit =
                ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        int concurrency = (int) Math.min(Integer.MAX_VALUE, limit); // in-process: two sockets per request
        Path output = Files.createTempFile("jmh-files", ".txt");
        Options options = JmhRuns.smoke(output)
                .param("handler", "timer")
                .param("concurrency", Integer.toString(concurrency))
                .param("delayMs", "5")
                .shouldFailOnError(false)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(results.isEmpty(), "no score; JMH printed:\n" + printed);
        assertTrue(
                printed.contains("concurrency " + concurrency + " needs about") && printed.contains("ulimit -n"),
                "the numbers and the remedy, for a limit of " + limit + ":\n" + printed);
        assertFalse(printed.contains("\tat "), "no stack trace:\n" + printed);
        assertFalse(printed.contains("did not exit"), "nothing of client or server left running:\n" + printed);
    }

    private static Collection<RunResult> run(Path output, String target, String handler, String client)
            throws Exception {
        Options options = JmhRuns.smoke(output)
                .param("target", target)
                .param("client", client)
                .param("handler", handler)
                // these servers fail any path: a bystander's 500 would be reported first, as it should be,
                // but what is under test here is the wave's
                .param("bystander", ConcurrentRequestsBenchmark.NO_BYSTANDER)
                .param("concurrency", "8")
                .param("delayMs", "5")
                .shouldFailOnError(false)
                .build();
        return new Runner(options).run();
    }
}
