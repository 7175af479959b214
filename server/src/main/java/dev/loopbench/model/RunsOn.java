package dev.loopbench.model;

/** The kind of thread a handler's wait runs on. */
public enum RunsOn {
    EVENT_LOOP,
    WORKER,
    /** Needs a JDK 21+ at run time. */
    VIRTUAL_THREAD
}
