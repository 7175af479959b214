package dev.loopbench.server.handlers;

/**
 * {@code Thread.sleep} in a virtual-thread verticle. The virtual thread parks and its carrier is
 * free, yet Vert.x runs one task of a verticle instance at a time unless the task awaits a
 * Vert.x future: requests queue per instance, V lanes in all.
 */
public final class VirtualThreadSleepVerticle extends VirtualThreadVerticle {

    public VirtualThreadSleepVerticle(VirtualThreadHandoff handoff) {
        super(handoff);
    }

    @Override
    protected WorkDone waitOnVirtualThread(int ms) {
        return WorkDone.bySleeping(ms);
    }
}
