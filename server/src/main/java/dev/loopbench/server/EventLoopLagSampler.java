package dev.loopbench.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How late each event loop runs its tasks, by the technique of Node's
 * {@code monitorEventLoopDelay}: on every loop a tick is due each period, and records how long
 * after that it ran into the timer {@value #METRIC}, tagged {@code loop} with the thread's name.
 *
 * <p>The ticks are scheduled on Vert.x's Netty event loops themselves, not from the HTTP
 * verticles: so each of the E loop threads is measured exactly once, whatever verticles Vert.x
 * placed on it; and a tick is what a Vert.x timer is underneath, a Netty scheduled task, so it
 * waits behind whatever a timer or a request on that loop would wait behind.
 *
 * <p>Each tick is due one period after the previous one ran (fixed delay, as in Node): a stall of
 * S ms gives one sample of up to S ms, not S / period samples, so the max is the longest stall
 * and a quantile is one of ticks, not of time. Unlike Node, a sample is the lateness alone,
 * without the period, so an idle loop reads near 0: under 1 ms, as Netty's NIO selector waits
 * in whole milliseconds.
 */
final class EventLoopLagSampler {

    static final String METRIC = "loopbench.event.loop.lag";

    private volatile boolean stopped;

    private EventLoopLagSampler() {}

    /** Completes once every loop has its timer registered and its first tick scheduled. */
    static Future<EventLoopLagSampler> start(Vertx vertx, MeterRegistry registry, Duration period) {
        EventLoopLagSampler probe = new EventLoopLagSampler();
        List<Future<Void>> started = new ArrayList<>();
        // Vert.x offers no public way to the loops but through contexts; this is the group its contexts are on.
        for (EventExecutor loop : ((VertxInternal) vertx).nettyEventLoopGroup()) {
            Promise<Void> scheduled = Promise.promise();
            loop.execute(() -> {
                Timer lag = lagTimer(registry, Thread.currentThread().getName());
                probe.new Tick(loop, lag, period).scheduleNext();
                scheduled.complete();
            });
            started.add(scheduled.future());
        }
        return Future.all(started).map(all -> probe);
    }

    /**
     * Buckets from 1 ms to 30 s: below 1 ms the probe cannot tell lag from the selector's
     * rounding, and 30 s is three of the longest waits queued on one loop. Cumulative buckets
     * let a reader take the quantiles of any interval from two scrapes; the max is Micrometer's,
     * over the last two minutes.
     */
    private static Timer lagTimer(MeterRegistry registry, String loop) {
        return Timer.builder(METRIC)
                .description("How late a task due on this event loop ran: one tick per --lag-probe-ms")
                .tag("loop", loop)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    void stop() {
        stopped = true;
    }

    private final class Tick implements Runnable {

        private final EventExecutor loop;
        private final Timer lag;
        private final long periodNanos;
        private long dueNanos;

        Tick(EventExecutor loop, Timer lag, Duration period) {
            this.loop = loop;
            this.lag = lag;
            this.periodNanos = period.toNanos();
        }

        void scheduleNext() {
            dueNanos = System.nanoTime() + periodNanos;
            loop.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void run() {
            lag.record(Math.max(0, System.nanoTime() - dueNanos), TimeUnit.NANOSECONDS);
            if (!stopped) {
                scheduleNext();
            }
        }
    }
}
