package dev.loopbench.server;

/** Whether the virtual-thread verticles could be deployed on this JVM, and if not, why. */
public record VirtualThreads(boolean available, String unavailableReason) {

    static VirtualThreads deployed() {
        return new VirtualThreads(true, "");
    }

    static VirtualThreads unavailable(Throwable deployFailure) {
        int feature = Runtime.version().feature();
        String reason = feature >= 21
                ? "Java " + System.getProperty("java.version")
                        + " should have them but Vert.x could not deploy on virtual threads ("
                        + deployFailure.getMessage() + "); a fat jar needs 'Multi-Release: true' in its manifest"
                : "this server runs on Java " + System.getProperty("java.version")
                        + "; virtual threads need JDK 21 or newer";
        return new VirtualThreads(false, reason);
    }
}
