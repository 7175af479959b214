package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.server.handlers.ExecuteBlockingOrderedHandler;
import dev.loopbench.server.handlers.ExecuteBlockingUnorderedHandler;
import dev.loopbench.server.handlers.TimerHandler;
import dev.loopbench.server.handlers.WorkDone;
import dev.loopbench.server.handlers.WorkHandler;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The handlers on their own, called from one event-loop context as one verticle instance calls them. */
@ExtendWith(VertxExtension.class)
@DisplayName("Wait handlers called from one event-loop context")
class WorkHandlersTest {

    private static final int WAITS = 4;
    /** Longer than a cold worker thread takes to start on a busy 2-core JVM (38 ms seen), so overlap is real. */
    private static final int MS = 100;

    @Test
    @DisplayName("ordered executeBlocking runs the waits one after another")
    void orderedRunsOneAtATime(Vertx vertx, VertxTestContext test) {
        fireFromOneContext(vertx, new ExecuteBlockingOrderedHandler(vertx))
                .onComplete(test.succeeding(waits -> test.verify(() -> {
                    assertEquals(1, maxOverlap(waits), "ordered waits must not overlap: " + waits);
                    test.completeNow();
                })));
    }

    @Test
    @DisplayName("unordered executeBlocking runs the waits side by side on worker threads")
    void unorderedRunsSideBySide(Vertx vertx, VertxTestContext test) {
        fireFromOneContext(vertx, new ExecuteBlockingUnorderedHandler(vertx))
                .onComplete(test.succeeding(waits -> test.verify(() -> {
                    assertEquals(WAITS, maxOverlap(waits), "unordered waits should all overlap: " + waits);
                    assertTrue(
                            waits.stream().allMatch(w -> w.thread().startsWith("vert.x-worker-thread-")),
                            waits.toString());
                    test.completeNow();
                })));
    }

    @Test
    @DisplayName("timers overlap, and fire on the event loop that set them")
    void timersOverlapOnTheEventLoop(Vertx vertx, VertxTestContext test) {
        fireFromOneContext(vertx, new TimerHandler(vertx))
                .onComplete(test.succeeding(waits -> test.verify(() -> {
                    assertEquals(WAITS, maxOverlap(waits), "timers should all overlap: " + waits);
                    assertEquals(
                            1, waits.stream().map(WorkDone::thread).distinct().count(), waits.toString());
                    test.completeNow();
                })));
    }

    private static Future<List<WorkDone>> fireFromOneContext(Vertx vertx, WorkHandler handler) {
        Promise<List<WorkDone>> all = Promise.promise();
        vertx.runOnContext(ignored -> {
            List<Future<WorkDone>> waits = new ArrayList<>();
            for (int i = 0; i < WAITS; i++) {
                waits.add(handler.work(MS));
            }
            Future.all(waits)
                    .map(done -> waits.stream().map(Future::result).toList())
                    .onComplete(all);
        });
        return all.future();
    }

    /** The largest number of waits in progress at the same instant. */
    private static int maxOverlap(List<WorkDone> waits) {
        List<long[]> edges = new ArrayList<>();
        for (WorkDone wait : waits) {
            edges.add(new long[] {wait.startedNanos(), +1});
            edges.add(new long[] {wait.finishedNanos(), -1});
        }
        edges.sort(Comparator.<long[]>comparingLong(edge -> edge[0]).thenComparingLong(edge -> edge[1]));
        int current = 0;
        int max = 0;
        for (long[] edge : edges) {
            current += (int) edge[1];
            max = Math.max(max, current);
        }
        return max;
    }
}
