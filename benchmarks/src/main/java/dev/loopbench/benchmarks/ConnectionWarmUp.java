package dev.loopbench.benchmarks;

import dev.loopbench.client.WaveClient;

/**
 * The unmeasured wave of the set-up. All N requests are sent before any can answer, so the pool
 * opens N connections, and the measured waves find them warm. A target that closes its
 * connections after each answer is still measured, and told about.
 */
final class ConnectionWarmUp {

    private ConnectionWarmUp() {}

    static void openConnections(WaveClient client, WaveCell cell, String baseUrl) throws InterruptedException {
        cell.requireAnswered(client.fire(), "the warm-up wave");
        if (client.closingAnswers() > 0) {
            System.out.println("loopbench: " + baseUrl + " closed the connection after "
                    + client.closingAnswers()
                    + " of " + cell.concurrency()
                    + " answers, so every wave opens new ones: connection set-up is inside the"
                    + " wave time (newConnections counts them)");
        }
    }
}
