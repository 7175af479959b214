package dev.loopbench.server.handlers;

/**
 * Burns CPU in a virtual-thread verticle. A virtual thread that computes holds its carrier, and
 * there are as many carriers as cores: {@code min(V, C)} lanes.
 */
public final class VirtualThreadComputeVerticle extends VirtualThreadVerticle {

    public VirtualThreadComputeVerticle(VirtualThreadHandoff handoff) {
        super(handoff);
    }

    @Override
    protected WorkDone waitOnVirtualThread(int ms) {
        return CpuBurn.forMillis(ms);
    }
}
