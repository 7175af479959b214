package dev.loopbench.server;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Turns the server's flags into a {@link ServerConfig}, or says exactly what was wrong. */
final class CommandLine {

    static final String USAGE =
            """
            usage: java -jar loopbench-server.jar [options]

            Serves the same simulated work, ?ms= milliseconds (0..%d, default %d) of waiting
            or of CPU time, in several threading styles; every endpoint answers GET:
            %s

            Prints 'listening on http://HOST:PORT' when ready; SIGTERM or Ctrl-C lets requests
            in flight finish (up to 30 s), then exits.

            options:
              --host H                      address to listen on (default 127.0.0.1)
              --port P                      port to listen on, 0 picks a free one (default 8080)
              --event-loops E               event-loop threads, one HTTP verticle instance on each
                                            (default: Vert.x's, 2 x cores = %d here)
              --worker-pool-size W          worker threads for executeBlocking (default %d)
              --virtual-thread-instances V  instances of each virtual-thread verticle (default E)
              --warn-blocked-ms MS          warn when one event-loop task runs longer than MS;
                                            the first block of each thread is shown at once, the
                                            rest summarised every 10 s; 0 turns it off (default 50)
              --lag-probe-ms P              how often each event loop's lag is sampled for
                                            /metrics; 0 turns it off (default %d)
              -h, --help                    show this help
            """
                    .formatted(
                            HandlerStyle.MAX_DELAY_MS,
                            DelayParameter.DEFAULT_MS,
                            endpoints(),
                            ServerConfig.DEFAULT_EVENT_LOOPS,
                            ServerShape.DEFAULT_WORKER_POOL_SIZE,
                            ServerConfig.DEFAULT_LAG_PROBE_MS);

    private static final int MAX_POOL = 10_000;

    private CommandLine() {}

    /** One line per endpoint, from {@link HandlerStyle}, so that a new one cannot be left out. */
    private static String endpoints() {
        return Stream.concat(
                        Arrays.stream(HandlerStyle.values())
                                .map(style -> endpoint("/" + style.path(), style.description())),
                        Stream.of(
                                endpoint(RequestRouter.HEALTH, "liveness, the pool sizes and the cores, in JSON"),
                                endpoint(
                                        RequestRouter.METRICS,
                                        "event-loop lag and worker pool queue, Prometheus text")))
                .collect(Collectors.joining("\n"));
    }

    private static String endpoint(String path, String description) {
        return String.format(Locale.ROOT, "  %-28s %s", path, description);
    }

    /** Thrown for {@code --help}: not an error, the caller prints the usage to stdout. */
    static final class HelpRequested extends Exception {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static ServerConfig parse(String... args) throws UsageException, HelpRequested {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                throw new HelpRequested();
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = null;
            }
            if (!isKnown(name)) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            if (value == null) {
                throw new UsageException(name + " needs a value");
            }
            if (values.put(name, value) != null) {
                throw new UsageException(name + " given twice");
            }
        }
        ServerConfig defaults = ServerConfig.defaults();
        String host = values.getOrDefault("--host", defaults.host());
        if (host.isBlank()) {
            throw new UsageException("--host needs an address, e.g. 127.0.0.1 or 0.0.0.0");
        }
        int port = integer(values, "--port", defaults.port(), 0, 65_535);
        int eventLoops = integer(values, "--event-loops", ServerConfig.DEFAULT_EVENT_LOOPS, 1, 1024);
        ServerShape pools = ServerShape.withDefaultPools(eventLoops);
        int workers = integer(values, "--worker-pool-size", pools.workerPoolSize(), 1, MAX_POOL);
        int virtualThreadInstances =
                integer(values, "--virtual-thread-instances", pools.virtualThreadInstances(), 1, MAX_POOL);
        int warnBlockedMs =
                integer(values, "--warn-blocked-ms", (int) ServerConfig.DEFAULT_WARN_BLOCKED_MS, 0, 3_600_000);
        int lagProbeMs = integer(values, "--lag-probe-ms", ServerConfig.DEFAULT_LAG_PROBE_MS, 0, 1_000);
        return new ServerConfig(
                host, port, new ServerShape(eventLoops, workers, virtualThreadInstances), warnBlockedMs, lagProbeMs);
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "--host",
                    "--port",
                    "--event-loops",
                    "--worker-pool-size",
                    "--virtual-thread-instances",
                    "--warn-blocked-ms",
                    "--lag-probe-ms" -> true;
            default -> false;
        };
    }

    private static int integer(Map<String, String> values, String name, int fallback, int min, int max)
            throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with what is allowed
        }
        throw new UsageException(name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
