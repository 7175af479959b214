package dev.loopbench.clientcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Netty's native libraries must survive shading: both runnable jars start the server on epoll
 * where Linux runs on x86-64 or ARM64, without JDK 22+'s warnings about native access.
 */
class ShadedJarsNativeTransportIT {

    private static final Path SERVER_JAR = Path.of("..", "server", "target", "loopbench-server.jar");
    private static final Path BENCHMARKS_JAR = Path.of("target", "benchmarks.jar");

    @ParameterizedTest
    @ValueSource(strings = {"server", "benchmarks"})
    void nativeLibrariesAreInTheJar(String which) throws IOException {
        Path jar = which.equals("server") ? SERVER_JAR : BENCHMARKS_JAR;
        assumeTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (String arch : List.of("x86_64", "aarch_64")) {
                assertTrue(
                        zip.getEntry("META-INF/native/libnetty_transport_native_epoll_" + arch + ".so") != null,
                        "epoll for " + arch + " in " + jar);
                assertTrue(
                        zip.getEntry("META-INF/native/libnetty_transport_native_io_uring42_" + arch + ".so") != null,
                        "io_uring for " + arch + " in " + jar);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"server", "benchmarks"})
    void theServerRunsOnEpoll(String which) throws Exception {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(
                os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64")),
                "epoll is for Linux on x86-64 and ARM64; here " + os + " " + arch + " uses NIO");
        Path jar = which.equals("server") ? SERVER_JAR : BENCHMARKS_JAR;
        assumeTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (which.equals("server")) {
            command.addAll(List.of("-jar", jar.toString())); // its manifest allows native access
        } else {
            command.addAll(List.of(
                    "--enable-native-access=ALL-UNNAMED", "-cp", jar.toString(), "dev.loopbench.server.ServerMain"));
        }
        command.addAll(List.of("--port", "0", "--event-loops", "1"));
        Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            StringBuilder output = new StringBuilder();
            var lines = server.inputReader(StandardCharsets.UTF_8);
            for (String line; (line = lines.readLine()) != null; ) {
                output.append(line).append('\n');
                if (line.startsWith("listening on ")) {
                    break;
                }
            }
            assertTrue(output.toString().contains(", epoll transport,"), output.toString());
            assertFalse(output.toString().contains("WARNING"), output.toString());
        } finally {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(false, server.isAlive());
    }
}
