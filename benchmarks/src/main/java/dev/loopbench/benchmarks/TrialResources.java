package dev.loopbench.benchmarks;

import dev.loopbench.client.CellUnusable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a trial opened (server, client, bystanders), closed in the reverse order, each whatever
 * happens to the others: a Vert.x left open keeps the forked JVM alive.
 *
 * <p>JMH does not tear a trial down after an exception, and the Vert.x threads would keep the
 * fork alive until JMH kills it; so a cell that fails closes everything first ({@link #closeAfter}).
 */
final class TrialResources {

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    void closeAll() throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Closes everything, then gives back the failure to throw, with a word on closing if that failed too. */
    CellUnusable closeAfter(CellUnusable failure) {
        try {
            closeAll();
        } catch (Exception e) {
            return new CellUnusable(failure.getMessage() + " (and closing the client or server failed: " + e + ")");
        }
        return failure;
    }
}
