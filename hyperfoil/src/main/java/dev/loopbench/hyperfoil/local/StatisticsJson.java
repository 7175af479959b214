package dev.loopbench.hyperfoil.local;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The statistics as JSON, for tests and for loopbench's side: one object per phase and metric
 * with the table's numbers, the counts behind the errors, and the latency histogram itself
 * (HdrHistogram's compressed V2 encoding in base64, values in nanoseconds) so that a reader can
 * take any percentile or merge runs.
 */
final class StatisticsJson {

    private StatisticsJson() {}

    static void write(RunResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(result).encodePrettily() + "\n", StandardCharsets.UTF_8);
    }

    static JsonObject toJson(RunResult result) {
        JsonArray phases = new JsonArray();
        for (PhaseStatistics phase : result.phases()) {
            phases.add(toJson(phase)
                    .put(
                            "iterationMs",
                            new JsonArray(
                                    new ArrayList<>(result.iterationMillis().getOrDefault(phase.phase(), List.of()))))
                    .put("cpuNanos", result.cpuNanos().applyAsLong(phase.phase())));
        }
        return new JsonObject()
                .put("hyperfoilVersion", HyperfoilVersion.get())
                .put("benchmark", result.benchmark())
                .put("threads", result.threads())
                .put("failed", !result.failures().isEmpty())
                .put("failures", new JsonArray(result.failures()))
                .put("phases", phases);
    }

    private static JsonObject toJson(PhaseStatistics phase) {
        return new JsonObject()
                .put("phase", phase.phase())
                .put("metric", phase.metric())
                .put("warmup", phase.warmup())
                .put("iterations", phase.iterations())
                .put("requests", phase.requests())
                .put("responses", phase.responses())
                .put("errors", phase.errors())
                .put("failed", phase.failed())
                .put(
                        "status",
                        new JsonObject()
                                .put("2xx", phase.status2xx())
                                .put("3xx", phase.status3xx())
                                .put("4xx", phase.status4xx())
                                .put("5xx", phase.status5xx())
                                .put("other", phase.statusOther()))
                .put("timeouts", phase.timeouts())
                .put("connectionErrors", phase.connectionErrors())
                .put("internalErrors", phase.internalErrors())
                .put("blockedMs", phase.blockedMillis())
                .put("p50Ms", numberOrNull(phase.p50Millis()))
                .put("p99Ms", numberOrNull(phase.p99Millis()))
                .put("maxMs", numberOrNull(phase.maxMillis()))
                .put("meanMs", numberOrNull(phase.meanMillis()))
                .put("histogramNanos", encode(phase.histogram()));
    }

    private static Double numberOrNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }
}
