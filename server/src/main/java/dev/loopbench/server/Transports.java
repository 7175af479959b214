package dev.loopbench.server;

import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.transport.Transport;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which Netty transport loopbench's Vert.x instances use, server and client alike: the native
 * one where it loads (epoll on Linux, io_uring where epoll does not), NIO elsewhere, saying so in
 * one line on stderr. {@code -Dloopbench.transport=nio|epoll|io_uring|native} chooses, for
 * measuring one against another; a transport that cannot load falls back to NIO, also in one line.
 */
public final class Transports {

    public static final String PROPERTY = "loopbench.transport";

    private static final AtomicBoolean FALLBACK_REPORTED = new AtomicBoolean();

    private Transports() {}

    /** A Vert.x builder with the transport chosen. */
    public static VertxBuilder builder() {
        return Vertx.builder().withTransport(chosen());
    }

    /** The transport {@value #PROPERTY} asks for (default: native), or NIO when it cannot load. */
    public static Transport chosen() {
        String asked = System.getProperty(PROPERTY, "native").trim().toLowerCase(Locale.ROOT);
        Transport transport;
        switch (asked) {
            case "nio":
                return Transport.NIO;
            case "epoll":
                transport = Transport.EPOLL;
                break;
            case "io_uring":
            case "io-uring":
                transport = Transport.IO_URING;
                break;
            case "native":
                transport = Transport.nativeTransport();
                break;
            default:
                reportFallback("-D" + PROPERTY + "=" + asked + " is not one of native, epoll, io_uring, nio");
                return Transport.NIO;
        }
        if (transport == null) {
            reportFallback("no native transport for " + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + " in this build");
            return Transport.NIO;
        }
        if (!transport.available()) {
            reportFallback(transport.name() + " is unavailable: " + transport.unavailabilityCause());
            return Transport.NIO;
        }
        return transport;
    }

    /** The name of the transport a running Vert.x uses: {@code epoll}, {@code io_uring}, {@code nio}. */
    public static String name(Vertx vertx) {
        if (!vertx.isNativeTransportEnabled()) {
            return "nio";
        }
        String implementation = vertx instanceof io.vertx.core.internal.VertxInternal internal
                ? internal.transport().getClass().getSimpleName()
                : "";
        if (implementation.startsWith("Epoll")) {
            return "epoll";
        }
        if (implementation.startsWith("IoUring")) {
            return "io_uring";
        }
        return implementation.isEmpty() ? "native" : implementation;
    }

    private static void reportFallback(String why) {
        if (FALLBACK_REPORTED.compareAndSet(false, true)) {
            System.err.println("loopbench: using Netty's NIO transport: " + why);
        }
    }
}
