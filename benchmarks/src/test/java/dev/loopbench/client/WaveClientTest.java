package dev.loopbench.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.loopbench.benchmarks.JdkHttpServer;
import dev.loopbench.benchmarks.JdkHttpServer.Behaviour;
import org.HdrHistogram.Recorder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The wave client")
class WaveClientTest {

    @Test
    @DisplayName("counts every answer that closes its connection, and records every request's latency")
    void seesClosedConnections() throws Exception {
        try (JdkHttpServer server = JdkHttpServer.start(4, Behaviour.CLOSES_CONNECTIONS)) {
            Recorder latencies = new Recorder(3);
            try (WaveClient client = new WaveClient(server.url() + "/sleep?ms=1", 4, 10_000, latencies)) {
                WaveClient.Wave first = client.fire();
                WaveClient.Wave second = client.fire();
                String context = "first " + first + ", second " + second + ", opened " + client.connectionsOpened();
                assertEquals(0, first.failures() + second.failures(), context);
                assertEquals(8, client.closingAnswers(), context);
                assertEquals(8, client.connectionsOpened(), "a new connection for each request: " + context);
                assertEquals(8, latencies.getIntervalHistogram().getTotalCount(), context);
            }
        }
    }
}
