package dev.loopbench.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The threading styles of the same simulated work, six that wait and three that compute, and
 * everything that belongs to each: its path, the thread it runs on and its lanes (how reports
 * draw it is theirs: {@code dev.loopbench.render.HandlerLooks}). The path is both the server
 * endpoint (with a leading {@code /}) and the benchmark's {@code handler} parameter. Declared in
 * the order of the lesson, which every table and chart keeps.
 */
public enum HandlerStyle {
    EVENT_LOOP_SLEEP("event-loop-sleep", "Thread.sleep on the event loop (the misuse)", RunsOn.EVENT_LOOP),
    EXECUTE_BLOCKING_ORDERED("execute-blocking-ordered", "executeBlocking, ordered (the default)", RunsOn.WORKER),
    EXECUTE_BLOCKING_UNORDERED("execute-blocking-unordered", "executeBlocking, unordered", RunsOn.WORKER),
    TIMER("timer", "vertx.setTimer, non-blocking", RunsOn.EVENT_LOOP),
    VIRTUAL_THREAD_SLEEP("virtual-thread-sleep", "Thread.sleep in a virtual-thread verticle", RunsOn.VIRTUAL_THREAD),
    VIRTUAL_THREAD_AWAIT(
            "virtual-thread-await", "vertx.timer(ms).await() in a virtual-thread verticle", RunsOn.VIRTUAL_THREAD),
    EVENT_LOOP_COMPUTE("event-loop-compute", "ms of CPU time burnt on the event loop", RunsOn.EVENT_LOOP),
    EXECUTE_BLOCKING_COMPUTE(
            "execute-blocking-compute", "ms of CPU time burnt in executeBlocking, unordered", RunsOn.WORKER),
    VIRTUAL_THREAD_COMPUTE(
            "virtual-thread-compute", "ms of CPU time burnt in a virtual-thread verticle", RunsOn.VIRTUAL_THREAD);

    /** The longest wait a request may ask for: ten seconds bound a wave of the default matrix. */
    public static final int MAX_DELAY_MS = 10_000;

    private final String path;
    private final String description;
    private final RunsOn waitsOn;

    HandlerStyle(String path, String description, RunsOn waitsOn) {
        this.path = path;
        this.description = description;
        this.waitsOn = waitsOn;
    }

    /** The endpoint without its leading slash, e.g. {@code event-loop-sleep}. */
    public String path() {
        return path;
    }

    public String description() {
        return description;
    }

    public RunsOn waitsOn() {
        return waitsOn;
    }

    public boolean needsVirtualThreads() {
        return waitsOn == RunsOn.VIRTUAL_THREAD;
    }

    /** Burns CPU instead of waiting, so its lanes are capped by the cores. */
    public boolean computes() {
        return this == EVENT_LOOP_COMPUTE || this == EXECUTE_BLOCKING_COMPUTE || this == VIRTUAL_THREAD_COMPUTE;
    }

    /**
     * Whether a request keeps its event loop from serving anything else while it waits: then a
     * bystander on that loop waits too. A timer waits on the loop without holding it.
     */
    public boolean holdsTheEventLoop() {
        return this == EVENT_LOOP_SLEEP || this == EVENT_LOOP_COMPUTE;
    }

    /** For any path: false for one that is not loopbench's. */
    public static boolean needsVirtualThreads(String path) {
        return fromPath(path).map(HandlerStyle::needsVirtualThreads).orElse(false);
    }

    /** L in the model, as the README's lanes table gives it. */
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

    public static Optional<HandlerStyle> fromPath(String path) {
        String bare = path.startsWith("/") ? path.substring(1) : path;
        return Arrays.stream(values()).filter(style -> style.path.equals(bare)).findFirst();
    }

    /** All paths, comma separated, for error messages. */
    public static String allPaths() {
        return Arrays.stream(values()).map(HandlerStyle::path).collect(Collectors.joining(", "));
    }
}
