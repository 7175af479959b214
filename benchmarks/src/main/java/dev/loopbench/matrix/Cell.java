package dev.loopbench.matrix;

/** One benchmark cell: a handler at one concurrency, delay and number of event loops. */
public record Cell(String handler, int concurrency, int delayMs, int eventLoops) {

    /** As JMH would name its parameters, for messages. */
    public String describe() {
        return "handler=" + handler + ", concurrency=" + concurrency + ", delayMs=" + delayMs + ", eventLoops=" + eventLoops;
    }
}
