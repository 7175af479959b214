package dev.loopbench.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The queue and active count of Vert.x's worker pool, and of the pool its virtual-thread
 * verticles run on, through Vert.x's public metrics SPI: Vert.x calls {@code enqueue} when
 * {@code executeBlocking} is asked, {@code dequeue} and {@code begin} when a thread takes the
 * task, {@code end} when it is done. That counts what the pool's executor cannot show: ordered
 * tasks wait in their context's queue, not the executor's, and are counted queued here too.
 * The SPI's other factories keep their default, null, so Vert.x records nothing else.
 */
final class WorkerPoolMetrics implements VertxMetrics {

    static final String QUEUED = "loopbench.worker.pool.queued";
    static final String ACTIVE = "loopbench.worker.pool.active";
    /** The names Vert.x gives the pools of {@code executeBlocking} and of virtual-thread verticles. */
    static final Set<String> POOLS = Set.of("vert.x-worker-thread", "vert.x-virtual-thread");

    private final MeterRegistry registry;

    private WorkerPoolMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static VertxMetricsFactory factory(MeterRegistry registry) {
        return options -> new WorkerPoolMetrics(registry);
    }

    @Override
    public PoolMetrics<?, ?> createPoolMetrics(String type, String name, int maxSize) {
        if (!"worker".equals(type) || !POOLS.contains(name)) {
            return null;
        }
        Counts counts = new Counts();
        Gauge.builder(QUEUED, counts.queued, AtomicInteger::get)
                .description("Tasks given to this pool that no thread has taken yet")
                .tag("pool", name)
                .strongReference(true)
                .register(registry);
        Gauge.builder(ACTIVE, counts.active, AtomicInteger::get)
                .description("Tasks of this pool that a thread is running")
                .tag("pool", name)
                .strongReference(true)
                .register(registry);
        return counts;
    }

    private static final class Counts implements PoolMetrics<Void, Void> {

        final AtomicInteger queued = new AtomicInteger();
        final AtomicInteger active = new AtomicInteger();

        @Override
        public Void enqueue() {
            queued.incrementAndGet();
            return null;
        }

        @Override
        public void dequeue(Void ignored) {
            queued.decrementAndGet();
        }

        @Override
        public Void begin() {
            active.incrementAndGet();
            return null;
        }

        @Override
        public void end(Void ignored) {
            active.decrementAndGet();
        }
    }
}
