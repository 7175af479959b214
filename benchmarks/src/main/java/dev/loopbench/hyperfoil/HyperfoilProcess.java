package dev.loopbench.hyperfoil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code hyperfoil run FILE.hf.yaml}: runs the file with {@code loopbench-hyperfoil.jar} in a
 * child JVM (the same {@code java} as this one), streaming its stdout and stderr as they come.
 *
 * <p>Exit codes are the jar's: 0 every request answered 2xx; 1 the run measured failures;
 * 2 unusable input (missing file, invalid YAML, a benchmark Hyperfoil rejects, an unreachable
 * target), and 2 here when the jar itself is missing.
 */
public final class HyperfoilProcess {

    private HyperfoilProcess() {}

    /** Runs the file, writing the statistics to {@link #statisticsFile(Path)}. */
    public static int run(Path benchmarkFile, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        return run(benchmarkFile, statisticsFile(benchmarkFile), out, err);
    }

    public static int run(Path benchmarkFile, Path statisticsJson, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Path jar;
        try {
            jar = HyperfoilJar.locate();
        } catch (HyperfoilJar.Missing e) {
            err.println("loopbench: " + e.getMessage());
            return 2;
        }
        List<String> command = List.of(
                javaExecutable(),
                "-jar",
                jar.toString(),
                benchmarkFile.toString(),
                "--json",
                statisticsJson.toString());
        Process process = new ProcessBuilder(command).start();
        Thread stopOnExit = new Thread(process::destroy, "stop-hyperfoil");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            Thread errors = copyLines(process.getErrorStream(), err, "hyperfoil-stderr");
            copy(process.getInputStream(), out);
            errors.join();
            return process.waitFor();
        } finally {
            process.destroy(); // only when interrupted: by now it has exited otherwise
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
    }

    /** {@code dir/x.hf.yaml} -> {@code dir/x.stats.json}: where a run's statistics go by default. */
    public static Path statisticsFile(Path benchmarkFile) {
        String base = benchmarkFile.getFileName().toString().replaceFirst("(\\.hf)?\\.ya?ml$", "");
        return benchmarkFile.resolveSibling(base + ".stats.json");
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Thread copyLines(InputStream from, PrintStream to, String name) {
        Thread copier = new Thread(
                () -> {
                    try {
                        copy(from, to);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                name);
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    private static void copy(InputStream from, PrintStream to) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                to.println(line);
            }
        }
    }
}
