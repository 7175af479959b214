package dev.loopbench.timeline;

/** One bystander request during a traced wave: when it was sent and answered, in ms from the wave's start. */
public record BystanderTrace(int index, double sent, double answered) {}
