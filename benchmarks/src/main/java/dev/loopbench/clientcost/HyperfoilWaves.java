package dev.loopbench.clientcost;

import dev.loopbench.hyperfoil.ExportOptions;
import dev.loopbench.hyperfoil.HyperfoilExport;
import dev.loopbench.hyperfoil.HyperfoilJar;
import dev.loopbench.hyperfoil.HyperfoilProcess;
import dev.loopbench.hyperfoil.Load;
import dev.loopbench.model.Statistics;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second peer: Hyperfoil, the JVM's own load driver, fires the same waves of N at ms = 0
 * ({@code atOnce} users = N, one phase iteration per wave, {@code WaveScenario}) at the same
 * server process, in a JVM of its own with as many event loops as loopbench's client. A wave's
 * time is its phase iteration's, from RUNNING to TERMINATED, so Hyperfoil's own scheduling of
 * the wave is in it, as loopbench's is in its own.
 */
final class HyperfoilWaves {

    /** One N's waves: their times, and the CPU per request of Hyperfoil's JVM and of the server. */
    record Run(List<Double> waveMillis, long requests, long errors, double clientCpuMicros, double serverCpuMicros) {}

    private HyperfoilWaves() {}

    /** Empty, with the reason printed, when Hyperfoil's jar is not built. */
    static Optional<Run> measure(
            LoopbenchServerProcess server, int concurrency, int warmupWaves, int waves, PrintStream out)
            throws Exception {
        try {
            HyperfoilJar.locate();
        } catch (HyperfoilJar.Missing e) {
            out.println("harness: no Hyperfoil column: " + e.getMessage());
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("loopbench-harness-hyperfoil");
        try {
            ExportOptions options = ExportOptions.defaults()
                    .withBaseUrl(server.url())
                    .withHandlers(List.of("timer"))
                    .withDelayMs(0)
                    .withLoad(new Load.Waves(concurrency, warmupWaves, waves));
            Path file = HyperfoilExport.write(options, dir).get(0);
            Path json = HyperfoilProcess.statisticsFile(file);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream sink = new PrintStream(printed, true, StandardCharsets.UTF_8);
            long serverBefore = server.cpuNanos();
            int exit = HyperfoilProcess.run(file, json, sink, sink);
            long serverCpu = server.cpuNanos() - serverBefore;
            if (exit != 0 || !Files.exists(json)) {
                throw new Unmeasurable("Hyperfoil's waves of " + concurrency + " failed (exit " + exit + "): "
                        + printed.toString(StandardCharsets.UTF_8).strip());
            }
            JsonObject phase = wavesPhase(new JsonObject(Files.readString(json)), concurrency);
            long requests = phase.getLong("requests");
            long errors = phase.getLong("errors");
            if (errors > 0) {
                throw new Unmeasurable("Hyperfoil's waves of " + concurrency + " had " + errors + " failed requests");
            }
            List<Double> millis = new ArrayList<>();
            JsonArray times = phase.getJsonArray("iterationMs", new JsonArray());
            times.forEach(time -> millis.add(((Number) time).doubleValue()));
            long cpu = phase.getLong("cpuNanos", -1L);
            return Optional.of(new Run(
                    millis,
                    requests,
                    errors,
                    cpu < 0 || requests == 0 ? Double.NaN : cpu / 1e3 / requests,
                    // the server also served the warm-up waves while Hyperfoil ran
                    serverCpu / 1e3 / ((long) (warmupWaves + waves) * concurrency)));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    private static JsonObject wavesPhase(JsonObject statistics, int concurrency) throws Unmeasurable {
        for (Object entry : statistics.getJsonArray("phases", new JsonArray())) {
            JsonObject phase = (JsonObject) entry;
            if ("waves".equals(phase.getString("phase"))) {
                return phase;
            }
        }
        throw new Unmeasurable("Hyperfoil's statistics for waves of " + concurrency + " have no phase 'waves': "
                + statistics.encode());
    }

    static double median(Run run) {
        return Statistics.median(run.waveMillis());
    }
}
