package dev.loopbench.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The six threading styles of the same simulated wait, three of the same computation, and
 * the lanes each one has.
 * The path is both the server endpoint (with a leading {@code /}) and the benchmark's
 * {@code handler} parameter.
 */
public enum WaitStyle {
    EVENT_LOOP_SLEEP("event-loop-sleep", "Thread.sleep on the event loop (the misuse)"),
    EXECUTE_BLOCKING_ORDERED("execute-blocking-ordered", "executeBlocking, ordered (the default)"),
    EXECUTE_BLOCKING_UNORDERED("execute-blocking-unordered", "executeBlocking, unordered"),
    TIMER("timer", "vertx.setTimer, non-blocking"),
    VIRTUAL_THREAD_SLEEP("virtual-thread-sleep", "Thread.sleep in a virtual-thread verticle"),
    VIRTUAL_THREAD_AWAIT("virtual-thread-await", "vertx.timer(ms).await() in a virtual-thread verticle"),
    EVENT_LOOP_COMPUTE("event-loop-compute", "ms of CPU time burnt on the event loop"),
    EXECUTE_BLOCKING_COMPUTE("execute-blocking-compute", "ms of CPU time burnt in executeBlocking, unordered"),
    VIRTUAL_THREAD_COMPUTE("virtual-thread-compute", "ms of CPU time burnt in a virtual-thread verticle");

    private final String path;
    private final String description;

    WaitStyle(String path, String description) {
        this.path = path;
        this.description = description;
    }

    /** The endpoint without its leading slash, e.g. {@code event-loop-sleep}. */
    public String path() {
        return path;
    }

    public String description() {
        return description;
    }

    public boolean needsVirtualThreads() {
        return this == VIRTUAL_THREAD_SLEEP || this == VIRTUAL_THREAD_AWAIT || this == VIRTUAL_THREAD_COMPUTE;
    }

    /** Burns CPU instead of waiting, so its lanes are capped by the cores. */
    public boolean computes() {
        return this == EVENT_LOOP_COMPUTE || this == EXECUTE_BLOCKING_COMPUTE || this == VIRTUAL_THREAD_COMPUTE;
    }

    /** For any path: false for one that is not loopbench's. */
    public static boolean needsVirtualThreads(String path) {
        return fromPath(path).map(WaitStyle::needsVirtualThreads).orElse(false);
    }

    /** L in the model: see the table in DESIGN.md and the README. */
    public Lanes lanes(ServerShape shape) {
        return switch (this) {
            case EVENT_LOOP_SLEEP -> Lanes.of(shape.eventLoops());
            // ordered tasks run one at a time per context, and there is one context per event loop
            case EXECUTE_BLOCKING_ORDERED -> Lanes.of(Math.min(shape.eventLoops(), shape.workerPoolSize()));
            case EXECUTE_BLOCKING_UNORDERED -> Lanes.of(shape.workerPoolSize());
            // Vert.x runs one task at a time per virtual-thread verticle instance unless the task awaits
            case VIRTUAL_THREAD_SLEEP -> Lanes.of(shape.virtualThreadInstances());
            case TIMER, VIRTUAL_THREAD_AWAIT -> Lanes.UNBOUNDED;
            // computing needs a core: more threads than cores take turns on them
            case EVENT_LOOP_COMPUTE -> Lanes.of(Math.min(shape.eventLoops(), shape.cores()));
            case EXECUTE_BLOCKING_COMPUTE -> Lanes.of(Math.min(shape.workerPoolSize(), shape.cores()));
            case VIRTUAL_THREAD_COMPUTE -> Lanes.of(Math.min(shape.virtualThreadInstances(), shape.cores()));
        };
    }

    public static Optional<WaitStyle> fromPath(String path) {
        String bare = path.startsWith("/") ? path.substring(1) : path;
        return Arrays.stream(values()).filter(style -> style.path.equals(bare)).findFirst();
    }

    /** All paths, comma separated, for error messages. */
    public static String allPaths() {
        return Arrays.stream(values()).map(WaitStyle::path).collect(Collectors.joining(", "));
    }
}
