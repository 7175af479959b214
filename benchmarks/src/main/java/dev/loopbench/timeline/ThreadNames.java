package dev.loopbench.timeline;

/** Short names for Vert.x threads: a timeline row has little room. */
final class ThreadNames {

    private ThreadNames() {}

    static String shorten(String thread) {
        if (thread == null || thread.isBlank()) {
            return "?";
        }
        if (thread.startsWith("vert.x-eventloop-thread-")) {
            return "loop " + thread.substring("vert.x-eventloop-thread-".length());
        }
        if (thread.startsWith("vert.x-worker-thread-")) {
            return "worker " + thread.substring("vert.x-worker-thread-".length());
        }
        if (thread.startsWith("vert.x-virtual-thread-")) {
            return "virtual " + thread.substring("vert.x-virtual-thread-".length());
        }
        return thread.length() <= 12 ? thread : thread.substring(0, 11) + "~";
    }
}
