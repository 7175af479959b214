package dev.loopbench.clientcost;

import dev.loopbench.client.WaveClient;

/**
 * One N's figures with one client (loopbench's {@code core} or {@code web}, or {@code hyperfoil}), a
 * row of the table; wrk's are NaN without wrk.
 */
record CostRow(
        int concurrency,
        double wrkRequestsPerSecond,
        double wrkMillis,
        double waveMillis,
        double minWaveMillis,
        double maxWaveMillis,
        int waves,
        double wrkCpuMicros,
        double wrkServerCpuMicros,
        double clientCpuMicros,
        double waveServerCpuMicros,
        String client) {

    static final String HYPERFOIL = "hyperfoil";

    boolean isCore() {
        return client.equals(WaveClient.Kind.CORE.param());
    }

    double ratio() {
        return waveMillis / wrkMillis;
    }

    /**
     * CPU per request of client and server with loopbench over the same with wrk: what the
     * wall-clock ratio tends to when the cores are the limit, and what a busy machine does
     * not move (much).
     */
    double cpuRatio() {
        return (clientCpuMicros + waveServerCpuMicros) / (wrkCpuMicros + wrkServerCpuMicros);
    }
}
