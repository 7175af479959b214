package dev.loopbench.clientcost;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the native load tool the harness is held against: one thread, C keep-alive connections,
 * each sending its next request as soon as the previous one answered. Its steady rate says how
 * fast the server can answer when the client costs next to nothing.
 */
final class Wrk {

    /** What to tell a user without wrk. */
    static final String INSTALL_HINT =
            "wrk is not installed: apt-get install wrk (Debian, Ubuntu), brew install wrk (macOS), or put it on the PATH";

    private static final Pattern REQUESTS = Pattern.compile("(?m)^\\s*(\\d+) requests in ([0-9.]+)(us|ms|s|m)\\b");
    private static final Pattern RATE = Pattern.compile("(?m)^Requests/sec:\\s*([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("(?m)^\\s*Non-2xx or 3xx responses:\\s*(\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("(?m)^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern CHILD_CPU = Pattern.compile("(?m)^harness-child-cpu: (\\d+) (.*)$");

    /** One wrk run: its rate, and the CPU it used (NaN when /proc does not say). */
    record Run(long requests, double requestsPerSecond, long errors, double wrkCpuNanos) {}

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /** wrk from the PATH, if it is there. */
    static Optional<Wrk> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "wrk");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new Wrk(candidate));
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    /**
     * {@code wrk -t THREADS -c CONNECTIONS -d SECONDS URL}, run by a shell that then reads its own
     * {@code /proc/self/stat}: the CPU time of the children it waited for is wrk's.
     */
    Run run(String url, int threads, int connections, Duration duration) throws IOException, InterruptedException {
        long seconds = Math.max(1, duration.toSeconds());
        List<String> command = List.of(
                "/bin/sh",
                "-c",
                "\"$0\" \"$@\"; status=$?; "
                        + "echo \"harness-child-cpu: $(getconf CLK_TCK 2>/dev/null || echo 100) $(cat /proc/$$/stat 2>/dev/null)\"; "
                        + "exit $status",
                executable.toString(),
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--timeout",
                "10s",
                url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(seconds + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("wrk did not finish within " + (seconds + 60) + " s");
        }
        String text;
        try {
            text = output.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("could not read wrk's output: " + e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("wrk exited with " + process.exitValue() + ": " + text.strip());
        }
        return parse(text);
    }

    static Run parse(String text) throws IOException {
        Matcher requests = REQUESTS.matcher(text);
        Matcher rate = RATE.matcher(text);
        if (!requests.find() || !rate.find()) {
            throw new IOException("wrk's output has no request count or Requests/sec: " + text.strip());
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(text);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socketErrors = SOCKET_ERRORS.matcher(text);
        if (socketErrors.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socketErrors.group(group));
            }
        }
        return new Run(
                Long.parseLong(requests.group(1)), Double.parseDouble(rate.group(1)), errors, childCpuNanos(text));
    }

    /** cutime + cstime of the shell (fields 16 and 17 of /proc/PID/stat), in clock ticks. */
    private static double childCpuNanos(String text) {
        Matcher cpu = CHILD_CPU.matcher(text);
        if (!cpu.find()) {
            return Double.NaN;
        }
        String stat = cpu.group(2);
        int afterName = stat.lastIndexOf(')');
        if (afterName < 0) {
            return Double.NaN;
        }
        String[] fields = stat.substring(afterName + 1).trim().split("\\s+");
        // fields[0] is field 3 (state), so field k is fields[k - 3]
        if (fields.length < 15) {
            return Double.NaN;
        }
        try {
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return ticks * 1e9 / Long.parseLong(cpu.group(1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
