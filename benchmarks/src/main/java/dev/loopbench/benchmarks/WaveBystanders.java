package dev.loopbench.benchmarks;

import dev.loopbench.client.Bystanders;
import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.WaveClient;
import dev.loopbench.model.ServerShape;
import dev.loopbench.targets.RequestUrls;
import dev.loopbench.targets.Target;
import org.HdrHistogram.Recorder;

/**
 * The cell's {@link Bystanders}, or none: with {@code -p bystander=none}, or when a server that
 * is not loopbench has no {@code /health} and no other path was named. Started and stopped
 * around each measured wave.
 */
final class WaveBystanders implements AutoCloseable {

    private static final WaveBystanders NONE = new WaveBystanders(null);

    private final Bystanders bystanders;
    private long answeredAtStart;

    private WaveBystanders(Bystanders bystanders) {
        this.bystanders = bystanders;
    }

    static WaveBystanders start(WaveCell cell, Target server, WaveClient wave, Recorder latencyNanos) throws Exception {
        if (!cell.wantsBystanders()) {
            return NONE;
        }
        int eventLoops = server.shape().map(ServerShape::eventLoops).orElse(0);
        Bystanders bystanders = new Bystanders(
                wave,
                RequestUrls.requestUrl(server.baseUrl(), cell.bystander()),
                Bystanders.connectionsFor(eventLoops),
                latencyNanos);
        try {
            bystanders.warmUp();
        } catch (CellUnusable noHealth) {
            bystanders.close();
            if (server.shape().isPresent() || !cell.bystander().equals(ConcurrentRequestsBenchmark.DEFAULT_BYSTANDER)) {
                throw noHealth; // loopbench always answers /health, and a path the user named must answer
            }
            System.out.println("loopbench: no bystanders: " + server.baseUrl() + "/"
                    + ConcurrentRequestsBenchmark.DEFAULT_BYSTANDER
                    + " does not answer; name a cheap path of the target with -p bystander=PATH");
            return NONE;
        }
        return new WaveBystanders(bystanders);
    }

    void start() {
        if (bystanders != null) {
            answeredAtStart = bystanders.answered();
            bystanders.start();
        }
    }

    /**
     * Stops them after a wave.
     *
     * @return how many were answered since {@link #start}
     */
    long stop(WaveCell cell) {
        if (bystanders == null) {
            return 0;
        }
        bystanders.stop();
        if (bystanders.failures() > 0) {
            throw new CellUnusable(String.format(
                    "bystander requests GET /%s during a wave of %s with concurrency %d failed: %d, the first with: %s",
                    cell.bystander(),
                    cell.handler(),
                    cell.concurrency(),
                    bystanders.failures(),
                    bystanders.firstError()));
        }
        return bystanders.answered() - answeredAtStart;
    }

    @Override
    public void close() throws Exception {
        if (bystanders != null) {
            bystanders.close();
        }
    }
}
