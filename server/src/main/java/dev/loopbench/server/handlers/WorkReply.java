package dev.loopbench.server.handlers;

import io.vertx.core.json.JsonObject;

/**
 * The JSON body of a wait's 200 reply: the server writes it, the timeline reads it, and the field
 * names live here only. The timestamps are the server's {@link System#nanoTime()}: before
 * {@code receivedNanos} a request sat unread in the socket, between it and {@code startedNanos}
 * it queued for a worker or a virtual thread.
 *
 * @param receivedOn the event loop that read the request; loopbench's own addition, so a reader
 *                   takes a reply without it too
 */
public record WorkReply(String handler, int delayMs, String receivedOn, long receivedNanos, WorkDone waited) {

    private static final String HANDLER = "handler";
    private static final String DELAY_MS = "delayMs";
    private static final String THREAD = "thread";
    private static final String RECEIVED_ON = "receivedOn";
    private static final String RECEIVED_NANOS = "receivedNanos";
    private static final String STARTED_NANOS = "startedNanos";
    private static final String FINISHED_NANOS = "finishedNanos";

    public JsonObject toJson() {
        return new JsonObject()
                .put(HANDLER, handler)
                .put(DELAY_MS, delayMs)
                .put(THREAD, waited.thread())
                .put(RECEIVED_ON, receivedOn)
                .put(RECEIVED_NANOS, receivedNanos)
                .put(STARTED_NANOS, waited.startedNanos())
                .put(FINISHED_NANOS, waited.finishedNanos());
    }

    /**
     * @throws IllegalArgumentException naming the first field that is missing or not of its type
     */
    public static WorkReply fromJson(JsonObject json) {
        return new WorkReply(
                text(json, HANDLER),
                (int) number(json, DELAY_MS),
                json.getValue(RECEIVED_ON) instanceof String loop ? loop : "",
                number(json, RECEIVED_NANOS),
                new WorkDone(text(json, THREAD), number(json, STARTED_NANOS), number(json, FINISHED_NANOS)));
    }

    private static String text(JsonObject json, String field) {
        if (json.getValue(field) instanceof String value) {
            return value;
        }
        throw new IllegalArgumentException("no text '" + field + "' in " + json.encode());
    }

    private static long number(JsonObject json, String field) {
        if (json.getValue(field) instanceof Number value) {
            return value.longValue();
        }
        throw new IllegalArgumentException("no number '" + field + "' in " + json.encode());
    }
}
