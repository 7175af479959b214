package dev.loopbench.cli;

import dev.loopbench.model.WaitStyle;
import java.util.Collection;

/** The handlers an in-process server can serve. */
final class Handlers {

    private Handlers() {}

    static void requireLoopbench(Collection<String> handlers) throws UsageError {
        for (String handler : handlers) {
            if (WaitStyle.fromPath(handler).isEmpty()) {
                throw new UsageError("handler '" + handler + "' is not one of loopbench's (" + WaitStyle.allPaths()
                        + "); any path works with --target URL");
            }
        }
    }
}
