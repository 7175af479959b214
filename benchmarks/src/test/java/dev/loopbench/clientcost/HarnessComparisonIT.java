package dev.loopbench.clientcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.Peers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The harness comparison")
class HarnessComparisonIT {

    private static final Path SERVER_JAR = Path.of("..", "server", "target", "loopbench-server.jar");
    private static final Pattern SERVER_PID = Pattern.compile("server pid (\\d+) at http://");

    private static ComparisonOptions small(Path serverJar, List<String> serverJvmOptions) {
        ComparisonOptions defaults = ComparisonOptions.defaults();
        return new ComparisonOptions(
                defaults.eventLoops(),
                List.of(8, 32),
                Duration.ZERO,
                2,
                3,
                Duration.ofSeconds(1),
                Duration.ZERO,
                0,
                1,
                defaults.threshold(),
                serverJar,
                defaults.java(),
                serverJvmOptions,
                false); // Hyperfoil's own JVM per N would double the test's time
    }

    @Test
    @DisplayName("holds loopbench's waves against wrk's steady rate, prints the table and stops the server")
    void comparesWithWrk() {
        Peers.require(
                Wrk.find().isPresent(),
                "skipped the comparison with wrk: " + Wrk.INSTALL_HINT + " (the test without wrk still runs)");
        String output = run(new HarnessComparison(Wrk.find()), small(SERVER_JAR, List.of("-Xmx128m")), 0, 1);
        assertTrue(output.contains("wrk req/s"), output);
        for (int n : List.of(8, 32)) {
            Matcher row = Pattern.compile("(?m)^\\s+" + n
                            + "\\s+(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+[0-9.]+\\.\\.[0-9.]+" + "\\s+([0-9.]+)\\s+")
                    .matcher(output);
            assertTrue(
                    row.find(),
                    "a row for N = " + n + " with wrk's rate, its ms, loopbench's ms and the ratio:\n" + output);
            double wrkMillis = Double.parseDouble(row.group(2));
            double waveMillis = Double.parseDouble(row.group(3));
            double ratio = Double.parseDouble(row.group(4));
            // each column is printed to 0.01: the ratio of two rounded values may be off by this much
            double rounding = ratio * (0.005 / wrkMillis + 0.005 / waveMillis) + 0.005;
            assertEquals(
                    waveMillis / wrkMillis,
                    ratio,
                    rounding,
                    "N = " + n + ": wrk " + wrkMillis + " ms, loopbench " + waveMillis + " ms, printed ratio " + ratio
                            + ", allowed for rounding " + rounding + "\n" + output);
        }
        for (int n : List.of(8, 32)) {
            for (int delayMs : List.of(0, 100)) {
                assertTrue(
                        Pattern.compile("(?m)^harness: bystanders at N = " + n + ", ms = " + delayMs
                                        + " .*95% interval [0-9.]+\\.\\.[0-9.]+: (within 2%|beyond 2%|unsure)")
                                .matcher(output)
                                .find(),
                        "the bystanders' effect at N = " + n + ", ms = " + delayMs + ", with its interval:\n" + output);
            }
        }
        assertTrue(output.contains("verdict: "), output);
        assertServerGone(output);
    }

    @Test
    @DisplayName("without wrk says how to install it and still prints loopbench's own figures")
    void withoutWrk() {
        String output = run(new HarnessComparison(Optional.empty()), small(SERVER_JAR, List.of("-Xmx128m")), 0);
        assertTrue(output.contains("apt-get install wrk"), output);
        assertTrue(
                Pattern.compile("(?m)^\\s+32\\s+-\\s+-\\s+[0-9.]+\\s")
                        .matcher(output)
                        .find(),
                output);
        assertTrue(output.contains("verdict: no ratio without wrk"), output);
        assertServerGone(output);
    }

    @Test
    @DisplayName("without a server jar says so in one line and exits 2")
    void withoutServerJar() {
        ComparisonOptions options = small(Path.of("no", "such.jar"), List.of());
        String output = run(new HarnessComparison(Optional.empty()), options, 2);
        assertTrue(output.contains("harness: cannot measure: ") && output.contains("such.jar"), output);
        assertFalse(output.contains("verdict"), output);
    }

    private static String run(HarnessComparison harness, ComparisonOptions options, int... allowedExits) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            exit = harness.run(options, out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        boolean allowed = false;
        for (int code : allowedExits) {
            allowed |= code == exit;
        }
        assertTrue(allowed, "exit " + exit + ":\n" + output);
        return output;
    }

    private static void assertServerGone(String output) {
        Matcher pid = SERVER_PID.matcher(output);
        assertTrue(pid.find(), output);
        Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(pid.group(1)));
        assertFalse(
                server.map(ProcessHandle::isAlive).orElse(false), "the server process is still running:\n" + output);
    }
}
