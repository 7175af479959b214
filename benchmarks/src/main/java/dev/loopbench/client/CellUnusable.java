package dev.loopbench.client;

/**
 * A cell that cannot produce a score: a failed wave, a target that is down, a handler this JVM
 * cannot serve. JMH prints the message under {@code <failure>}; a stack trace would only hide it.
 */
public final class CellUnusable extends RuntimeException {

    public CellUnusable(String message) {
        super(message, null, false, false);
    }

    @Override
    public String toString() {
        return "loopbench: " + getMessage();
    }
}
