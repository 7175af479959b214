package dev.loopbench.cli;

import dev.loopbench.model.HandlerStyle;
import java.util.Collection;

/** The handlers an in-process server can serve. */
final class Handlers {

    private Handlers() {}

    static void requireLoopbench(Collection<String> handlers) throws UsageError {
        for (String handler : handlers) {
            if (HandlerStyle.fromPath(handler).isEmpty()) {
                throw new UsageError("handler '" + handler + "' is not one of loopbench's (" + HandlerStyle.allPaths()
                        + "); any path works with --target URL");
            }
        }
    }
}
