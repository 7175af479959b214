package dev.loopbench.hyperfoil.local;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.parser.BenchmarkParser;
import io.hyperfoil.core.parser.ParserException;
import io.hyperfoil.http.config.Http;
import io.hyperfoil.http.config.HttpPluginConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A {@code *.hf.yaml} file, parsed and built by Hyperfoil's own parser, checked before it runs. */
final class BenchmarkFile {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private BenchmarkFile() {}

    static Benchmark load(Path file) throws UnusableInput {
        if (!Files.isRegularFile(file)) {
            throw new UnusableInput("no such benchmark file: " + file);
        }
        Benchmark benchmark;
        try (InputStream yaml = Files.newInputStream(file)) {
            benchmark = BenchmarkParser.instance().buildBenchmark(yaml, new LocalBenchmarkData(file), Map.of());
        } catch (ParserException | RuntimeException e) {
            // BenchmarkDefinitionException, snakeyaml's YAMLException, or a parser's own slip: all about the file
            throw new UnusableInput(file + " is not a benchmark Hyperfoil can run: " + messageOf(e));
        } catch (IOException e) {
            throw new UnusableInput("cannot read " + file + ": " + e.getMessage());
        }
        requireNoAgents(file, benchmark);
        requireReachableTargets(benchmark);
        return benchmark;
    }

    /**
     * With agents, Hyperfoil splits users, rates and connections between them, and its local
     * runner plays agent 0 only: the run would carry a fraction of the load and look faster.
     */
    private static void requireNoAgents(Path file, Benchmark benchmark) throws UnusableInput {
        if (benchmark.agents().length > 0) {
            throw new UnusableInput(file + " has an agents: section (" + benchmark.agents().length
                    + " agents); the in-VM runner would run only the first agent's share of the load."
                    + " Comment the section out to run it here, or run it on a Hyperfoil controller");
        }
    }

    /**
     * Hyperfoil's local runner starts the run even when it could not open its connections; a
     * session that gets none stops, and its request, never sent, is in no statistics. A target
     * that does not accept a connection is refused here instead, in one line.
     */
    private static void requireReachableTargets(Benchmark benchmark) throws UnusableInput {
        HttpPluginConfig http = benchmark.plugin(HttpPluginConfig.class);
        if (http == null) {
            return;
        }
        for (Http target : http.http().values()) {
            if (target.addresses().length > 0) {
                continue; // connections go to those addresses, which Hyperfoil resolves its own way
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(target.host(), target.port()), CONNECT_TIMEOUT_MS);
            } catch (IOException e) {
                throw new UnusableInput("target " + target.protocol() + target.host() + ":" + target.port()
                        + " is not reachable: " + e.getMessage());
            }
        }
    }

    private static String messageOf(Throwable e) {
        StringBuilder message = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
