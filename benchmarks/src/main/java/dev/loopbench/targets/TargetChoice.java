package dev.loopbench.targets;

import dev.loopbench.client.CellUnusable;
import dev.loopbench.client.FileDescriptors;
import dev.loopbench.model.HandlerStyle;

/**
 * Which server a benchmark cell measures: loopbench started in-process when no target URL is
 * given, else the server at that URL. Either way it checks, before a wave is sent, what would
 * otherwise fail half a minute later: open files, a handler loopbench does not have, virtual
 * threads on a JDK without them.
 */
public final class TargetChoice {

    private TargetChoice() {}

    /**
     * @param targetUrl empty for in-process
     * @param eventLoops E of an in-process server
     */
    public static Target open(String handler, int concurrency, int delayMs, int eventLoops, String targetUrl)
            throws Exception {
        boolean inProcess = targetUrl.isBlank();
        FileDescriptors.requireRoomFor(concurrency, inProcess);
        return inProcess ? inProcess(handler, eventLoops) : ExternalTarget.connect(targetUrl, handler, delayMs);
    }

    private static Target inProcess(String handler, int eventLoops) throws Exception {
        HandlerStyle style = HandlerStyle.fromPath(handler)
                .orElseThrow(() -> new CellUnusable(
                        "handler '" + handler + "' is not one of loopbench's: " + HandlerStyle.allPaths()));
        InProcessTarget server = InProcessTarget.start(eventLoops);
        if (style.needsVirtualThreads() && !server.virtualThreads().orElse(false)) {
            String reason = server.virtualThreadsUnavailableReason();
            server.close();
            throw new CellUnusable("skipped " + handler + ": " + reason);
        }
        return server;
    }
}
