package dev.loopbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;

/** An {@code https://} target whose certificate is self-signed, as a service on a developer's machine has. */
@DisplayName("An https target with a self-signed certificate")
class TlsTargetIT {

    private Vertx vertx;
    private SelfSignedCertificate certificate;
    private String url;

    @BeforeEach
    void startHttpsServer() throws Exception {
        vertx = Vertx.vertx();
        certificate = SelfSignedCertificate.create("localhost");
        HttpServer server = vertx.createHttpServer(
                        new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
                .requestHandler(
                        request -> vertx.setTimer(5, id -> request.response().end("ok")));
        int port = server.listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS)
                .actualPort();
        url = "https://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        certificate.delete();
    }

    @Test
    @DisplayName("is refused in one line that names --insecure, and gives no score")
    void refusedWithoutInsecure() throws Exception {
        Path output = Files.createTempFile("jmh-tls", ".txt");
        Collection<RunResult> results = new Runner(cell(output).build()).run();

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(results.isEmpty(), "an unverifiable certificate gives no score; JMH printed:\n" + printed);
        assertTrue(printed.contains("add --insecure"), "the remedy is named:\n" + printed);
        assertFalse(printed.contains("\tat "), "no stack trace:\n" + printed);
    }

    @Test
    @DisplayName("is measured over TLS with --insecure (the jar: -Dloopbench.insecure=true)")
    void measuredWithInsecure() throws Exception {
        Path output = Files.createTempFile("jmh-tls-insecure", ".txt");
        Collection<RunResult> results = new Runner(cell(output)
                        .jvmArgsPrepend("-D" + ForkSettings.INSECURE_PROPERTY + "=true")
                        .build())
                .run();

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(1, results.size(), "one score expected; JMH printed:\n" + printed);
        assertEquals(
                0.0,
                results.iterator()
                        .next()
                        .getAggregatedResult()
                        .getSecondaryResults()
                        .get("newConnections")
                        .getScore(),
                "the TLS connections stay open between waves; JMH printed:\n" + printed);
    }

    private ChainedOptionsBuilder cell(Path output) {
        return JmhRuns.smoke(output)
                .param("target", url)
                .param("handler", "anything")
                .param("concurrency", "8")
                .param("delayMs", "5")
                .shouldFailOnError(false);
    }
}
