package dev.loopbench.targets;

import dev.loopbench.model.ServerShape;
import java.util.Optional;

/** The server a benchmark measures: loopbench started in-process, or any HTTP server given by URL. */
public interface Target extends AutoCloseable {

    /** Base URL without a trailing slash; a request goes to {@code baseUrl()/handler?ms=D}. */
    String baseUrl();

    /** E, W and V when they are known: always in-process, for an external loopbench server from its /health. */
    Optional<ServerShape> shape();

    /** Whether the target can serve the virtual-thread handlers; empty when it does not say. */
    Optional<Boolean> virtualThreads();

    @Override
    void close() throws Exception;
}
