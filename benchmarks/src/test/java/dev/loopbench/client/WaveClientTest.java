package dev.loopbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.benchmarks.BenchmarkDefaults;
import dev.loopbench.benchmarks.JdkHttpServer;
import dev.loopbench.benchmarks.JdkHttpServer.Behaviour;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The wave client")
class WaveClientTest {

    @ParameterizedTest(name = "client={0}")
    @EnumSource(WaveClient.Kind.class)
    @DisplayName("counts every answer that closes its connection, and records every request's latency")
    void seesClosedConnections(WaveClient.Kind kind) throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(4, Behaviour.CLOSES_CONNECTIONS)) {
            Recorder latencies = new Recorder(3);
            try (WaveClient client = WaveClient.open(kind, server.url() + "/sleep?ms=1", 4, 10_000, latencies)) {
                WaveClient.Wave first = client.fire();
                WaveClient.Wave second = client.fire();
                String context =
                        kind + ": first " + first + ", second " + second + ", opened " + client.connectionsOpened();
                assertEquals(0, first.failures() + second.failures(), context);
                assertEquals(8, client.closingAnswers(), context);
                assertEquals(8, client.connectionsOpened(), "a new connection for each request: " + context);
                assertEquals(8, latencies.getIntervalHistogram().getTotalCount(), context);
            }
        }
    }

    @ParameterizedTest(name = "client={0}")
    @EnumSource(WaveClient.Kind.class)
    @DisplayName("keeps its N connections from the first wave on, and hands every answer with its body to a reader")
    void keepsItsConnections(WaveClient.Kind kind) throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(4, Behaviour.PLAIN)) {
            Recorder latencies = new Recorder(3);
            List<WaveClient.Answer> answers = new CopyOnWriteArrayList<>();
            try (WaveClient client = WaveClient.open(kind, server.url() + "/sleep?ms=1", 4, 10_000, latencies)) {
                WaveClient.Wave first = client.fire();
                WaveClient.Wave second = client.fire();
                WaveClient.Wave read = client.fire(answers::add);
                String context = kind + ": waves " + first + ", " + second + ", " + read + ", opened "
                        + client.connectionsOpened() + ", answers " + answers;
                assertEquals(0, first.failures() + second.failures() + read.failures(), context);
                assertEquals(4, client.connectionsOpened(), "the first wave's connections, kept: " + context);
                assertEquals(4, client.openConnections(), context);
                assertEquals(12, latencies.getIntervalHistogram().getTotalCount(), context);
                assertEquals(4, answers.size(), context);
                for (WaveClient.Answer answer : answers) {
                    assertEquals(200, answer.status(), context);
                    assertTrue(
                            answer.body() != null && !answer.body().isEmpty(), "a body for " + answer + ": " + context);
                }
            }
        }
    }

    @Test
    @DisplayName("spreads a wave over all of its event loops, not one")
    void usesEveryLoop() throws Exception {
        int loops = BenchmarkDefaults.CLIENT_EVENT_LOOPS;
        int concurrency = 2 * loops;
        try (JdkHttpServer server = JdkHttpServer.start(concurrency, Behaviour.PLAIN)) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            try (WaveClient client = WaveClient.open(
                    WaveClient.Kind.CORE, server.url() + "/sleep?ms=1", concurrency, 10_000, new Recorder(3))) {
                client.fire();
                WaveClient.Wave wave =
                        client.fire(answer -> threads.add(Thread.currentThread().getName()));
                assertEquals(0, wave.failures(), "wave " + wave);
                assertEquals(
                        loops,
                        threads.size(),
                        "a wave of " + concurrency + " on " + loops + " loops was answered on " + threads);
            }
        }
    }
}
