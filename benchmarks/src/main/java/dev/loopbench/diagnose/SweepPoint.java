package dev.loopbench.diagnose;

import dev.loopbench.model.WaveModel;

/**
 * One concurrency level of a sweep, measured.
 *
 * @param waveMillis the median wave time of the measured waves
 * @param p99Millis the 99th percentile of their requests' latency
 * @param connectionsPerRequest connections the client opened during the measured waves, per request:
 *     0 on warm keep-alive connections, about 1 when the server closes every connection
 * @param closingPerRequest answers that closed their connection ({@code Connection: close}, or
 *     HTTP/1.0 without keep-alive), per request
 */
public record SweepPoint(
        int concurrency,
        double waveMillis,
        double p99Millis,
        int waves,
        double connectionsPerRequest,
        double closingPerRequest) {

    /** A probe on keep-alive connections that stayed open. */
    public SweepPoint(int concurrency, double waveMillis, double p99Millis, int waves) {
        this(concurrency, waveMillis, p99Millis, waves, 0, 0);
    }

    /** P with this point's median wave as T: how many requests the endpoint behaved as if it could serve at once. */
    public double parallelism(double delayMillis) {
        return WaveModel.effectiveParallelism(concurrency, delayMillis, waveMillis);
    }
}
