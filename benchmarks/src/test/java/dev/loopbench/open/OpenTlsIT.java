package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Open-loop load on an https target")
class OpenTlsIT {

    /** loopbench's --insecure reaches the open loop as it reaches the waves: a system property. */
    private static final String INSECURE = "loopbench.insecure";

    @Test
    @DisplayName(
            "with a self-signed certificate and --insecure: every request answered, on the connections opened ahead")
    void measuredOverTls() throws Exception {
        Vertx vertx = Vertx.vertx();
        SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
        System.setProperty(INSECURE, "true");
        try {
            int port = vertx.createHttpServer(
                            new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()))
                    .requestHandler(request ->
                            vertx.setTimer(5, id -> request.response().end("ok")))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS)
                    .actualPort();
            LoadSettings settings = new LoadSettings(
                    "https://127.0.0.1:" + port + "/anything?ms=5",
                    100,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    false,
                    1,
                    Duration.ofSeconds(5),
                    4000,
                    LoadSettings.CONNECTIONS_AHEAD);
            OpenLoad.Result result = OpenLoad.run(settings);
            String context = "requests " + result.tally().scheduled + ", answered " + result.tally().succeeded
                    + ", errors " + result.tally().errors + " (first " + result.tally().firstError + "), opened "
                    + result.connectionsOpened();
            assertEquals(100, result.tally().succeeded, context);
            assertEquals(
                    BenchmarkDefaults.CLIENT_EVENT_LOOPS * LoadSettings.CONNECTIONS_AHEAD,
                    result.connectionsOpened(),
                    "kept alive, one sender per client event loop: " + context);
        } finally {
            System.clearProperty(INSECURE);
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            certificate.delete();
        }
    }
}
