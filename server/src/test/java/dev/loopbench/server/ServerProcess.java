package dev.loopbench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code java -jar loopbench-server.jar ...} in a process of its own, as users run it. */
final class ServerProcess implements AutoCloseable {

    static final String READY = "listening on ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    record Finished(int exitCode, String stdout, String stderr) {}

    private final Process process;
    private final List<String> command;
    private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
    private final List<String> allStdout = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread stdoutPump;
    private final Thread stderrPump;
    private String url;

    private ServerProcess(Jdks.Jdk jdk, String... args) throws IOException {
        command = new ArrayList<>(
                List.of(jdk.java().toString(), "-jar", serverJar().toString()));
        command.addAll(Arrays.asList(args));
        process = new ProcessBuilder(command).start();
        stdoutPump = pump(process.getInputStream(), line -> {
            synchronized (allStdout) {
                allStdout.add(line);
            }
            stdoutLines.add(line);
        });
        stderrPump = pump(process.getErrorStream(), line -> stderr.append(line).append('\n'));
    }

    /** Starts the server and waits for its ready line. */
    static ServerProcess start(Jdks.Jdk jdk, String... args) throws IOException, InterruptedException {
        ServerProcess server = new ServerProcess(jdk, args);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = server.stdoutLines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(READY)) {
                server.url = line.substring(READY.length());
                return server;
            }
            if (line == null && !server.process.isAlive()) {
                server.drain();
                throw new AssertionError("the server exited with " + server.process.exitValue()
                        + " before it was ready: " + server.describe());
            }
        }
        server.close();
        throw new AssertionError("no ready line within " + START_TIMEOUT.toSeconds() + " s: " + server.describe());
    }

    /** Runs the server with arguments it should reject or answer at once, and collects what it printed. */
    static Finished run(Jdks.Jdk jdk, String... args) throws IOException, InterruptedException {
        try (ServerProcess server = new ServerProcess(jdk, args)) {
            if (!server.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError(
                        "still running after " + START_TIMEOUT.toSeconds() + " s: " + server.describe());
            }
            server.drain();
            return new Finished(server.process.exitValue(), server.stdout(), server.stderr());
        }
    }

    String url() {
        return url;
    }

    /** CPU time the process has used so far, as the OS counts it (in clock ticks, 10 ms on Linux). */
    Duration cpuTime() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .orElseThrow(() -> new AssertionError("this OS does not report the CPU time of " + describe()));
    }

    String stdout() {
        synchronized (allStdout) {
            return allStdout.isEmpty() ? "" : String.join("\n", allStdout) + "\n";
        }
    }

    String stderr() {
        return stderr.toString();
    }

    /** Sends SIGTERM, as {@code kill} and service managers do, and waits for the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.toHandle().destroy(); // Process.destroy() would also close the pipes and lose what the server says next
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("did not exit within " + timeout.toSeconds() + " s of SIGTERM: " + describe());
        }
        drain();
        return process.exitValue();
    }

    String describe() {
        return String.join(" ", command) + "\n--- stdout ---\n" + stdout() + "--- stderr ---\n" + stderr();
    }

    private void drain() throws InterruptedException {
        stdoutPump.join(5_000);
        stderrPump.join(5_000);
    }

    static Path serverJar() {
        Path jar = Path.of(System.getProperty("loopbench.server.jar", "target/loopbench-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError(jar.toAbsolutePath() + " does not exist: build it with 'mvn -B package' first");
        }
        return jar;
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
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
                "server-output-pump");
        pump.setDaemon(true);
        pump.start();
        return pump;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
