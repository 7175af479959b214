package dev.loopbench.server.handlers;

/**
 * One finished wait: which thread waited, and when it started and finished, on the server's
 * {@link System#nanoTime()} clock.
 */
public record WorkDone(String thread, long startedNanos, long finishedNanos) {

    /**
     * Sleeps on the calling thread, whatever thread that is: the handlers differ only in where
     * they call it. An interrupted sleep (Vert.x shutting down) did not wait, so it fails.
     */
    public static WorkDone bySleeping(int ms) {
        long started = System.nanoTime();
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterrupted();
        }
        return finishedNow(started);
    }

    /** The server is stopping: the request gets a 503, not a wait it did not have. */
    public static final class WaitInterrupted extends RuntimeException {
        WaitInterrupted() {
            super("the wait was interrupted: the server is shutting down", null, false, false);
        }
    }

    /** Called on the thread that resumes after the wait. */
    public static WorkDone finishedNow(long startedNanos) {
        return new WorkDone(Thread.currentThread().getName(), startedNanos, System.nanoTime());
    }
}
