package dev.loopbench.hyperfoil;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code hyperfoil export} writes: one scenario per handler, each GET
 * {@code baseUrl/handler?ms=delayMs} under the given load, from {@code threads} event loops
 * per Hyperfoil agent.
 *
 * @param shape the target's E, W and V when known (a loopbench server's {@code /health}): the
 *     model then predicts each wave's time, and a wave's timeout follows from it
 */
public record ExportOptions(
        String baseUrl, List<String> handlers, int delayMs, Load load, int threads, Optional<ServerShape> shape) {

    public static final String DEFAULT_TARGET = "http://127.0.0.1:8080";
    public static final int DEFAULT_DELAY_MS = 100;
    /** Hyperfoil's agent event loops: one per core of a small load host; each holds its share of the connections. */
    public static final int DEFAULT_THREADS = 2;
    /** Ten warm-up waves, then fifty measured: the JIT of server and client is warm after a few hundred requests. */
    public static final Load.Waves DEFAULT_WAVES = new Load.Waves(16, 10, 50);

    private static final Pattern HANDLER_PATH = Pattern.compile("/?[A-Za-z0-9._~%-]+(/[A-Za-z0-9._~%-]+)*");

    /** @throws IllegalArgumentException naming the value that is wrong and what is allowed */
    public ExportOptions {
        HyperfoilTarget.parse(baseUrl);
        handlers = List.copyOf(handlers);
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("no handler to export; loopbench's are " + HandlerStyle.allPaths());
        }
        for (String handler : handlers) {
            if (!HANDLER_PATH.matcher(handler).matches()) {
                throw new IllegalArgumentException("handler '" + handler
                        + "' must be a path such as timer or api/slow-report (letters, digits, . _ ~ % - and /)");
            }
        }
        if (delayMs < 0 || delayMs > 10_000) {
            throw new IllegalArgumentException("ms must be from 0 to 10000, got " + delayMs);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be from 1 to 256, got " + threads);
        }
    }

    /** Every {@link HandlerStyle} of a loopbench server on 127.0.0.1:8080, D = 100 ms, waves of 16. */
    public static ExportOptions defaults() {
        return new ExportOptions(
                DEFAULT_TARGET,
                Arrays.stream(HandlerStyle.values()).map(HandlerStyle::path).toList(),
                DEFAULT_DELAY_MS,
                DEFAULT_WAVES,
                DEFAULT_THREADS,
                Optional.empty());
    }

    public ExportOptions withBaseUrl(String url) {
        return new ExportOptions(url, handlers, delayMs, load, threads, shape);
    }

    public ExportOptions withHandlers(List<String> paths) {
        return new ExportOptions(baseUrl, paths, delayMs, load, threads, shape);
    }

    public ExportOptions withDelayMs(int ms) {
        return new ExportOptions(baseUrl, handlers, ms, load, threads, shape);
    }

    public ExportOptions withLoad(Load newLoad) {
        return new ExportOptions(baseUrl, handlers, delayMs, newLoad, threads, shape);
    }

    public ExportOptions withThreads(int count) {
        return new ExportOptions(baseUrl, handlers, delayMs, load, count, shape);
    }

    public ExportOptions withShape(ServerShape serverShape) {
        return new ExportOptions(baseUrl, handlers, delayMs, load, threads, Optional.of(serverShape));
    }
}
