package dev.loopbench.clientcost;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar loopbench-server.jar --port 0 --event-loops E} in a process of its own, as
 * users run it: the harness measures a server that shares nothing with the client but the cores.
 * {@link #close()} stops it whatever happened: SIGTERM, then SIGKILL after a bound.
 */
final class LoopbenchServerProcess implements AutoCloseable {

    static final String READY = "listening on ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern TRANSPORT = Pattern.compile(", (\\w+) transport,");

    private final Process process;
    private final List<String> command;
    private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();
    private String url;

    private LoopbenchServerProcess(List<String> command) throws IOException {
        this.command = command;
        this.process = new ProcessBuilder(command).start();
        pump(process.getInputStream(), line -> {
            output.append(line).append('\n');
            stdoutLines.add(line);
        });
        pump(process.getErrorStream(), line -> output.append(line).append('\n'));
    }

    /** Starts the server and waits for its {@code listening on http://HOST:PORT} line. */
    static LoopbenchServerProcess start(Path java, List<String> jvmOptions, Path serverJar, int eventLoops)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(serverJar)) {
            throw new IOException(serverJar.toAbsolutePath() + " does not exist: build it with ./mvnw -B package");
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmOptions);
        command.addAll(
                List.of("-jar", serverJar.toString(), "--port", "0", "--event-loops", String.valueOf(eventLoops)));
        LoopbenchServerProcess server = new LoopbenchServerProcess(command);
        try {
            server.awaitReady();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = stdoutLines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(READY)) {
                url = line.substring(READY.length()).strip();
                return;
            }
            if (line == null && !process.isAlive()) {
                process.waitFor(1, TimeUnit.SECONDS);
                throw new IOException(
                        "the server exited with " + process.exitValue() + " before it was ready: " + describe());
            }
        }
        throw new IOException("no ready line within " + START_TIMEOUT.toSeconds() + " s: " + describe());
    }

    /** {@code http://HOST:PORT}, as the server printed it. */
    String url() {
        return url;
    }

    /** The Netty transport the server said it uses ({@code epoll}, {@code io_uring}, {@code nio}), or "unknown". */
    String transport() {
        Matcher transport = TRANSPORT.matcher(output);
        return transport.find() ? transport.group(1) : "unknown";
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the server process has used so far (user + system, all threads); -1 when the OS does not say. */
    long cpuNanos() {
        return CpuTime.ofProcess(process.toHandle());
    }

    private String describe() {
        return String.join(" ", command) + "\n" + output;
    }

    private static void pump(InputStream stream, Consumer<String> sink) {
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line; (line = reader.readLine()) != null; ) {
                            sink.accept(line);
                        }
                    } catch (IOException e) {
                        // the process is gone; what it printed so far is kept
                    }
                },
                "harness-server-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** SIGTERM (a graceful shutdown: nothing is in flight by now), then SIGKILL if it lingers. */
    @Override
    public void close() {
        boolean interrupted = false;
        try {
            if (process.isAlive()) {
                process.toHandle().destroy();
                try {
                    if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    process.destroyForcibly();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
