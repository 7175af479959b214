package dev.loopbench.hyperfoil;

import static org.junit.jupiter.api.Assertions.fail;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One run of an exported file through loopbench-hyperfoil.jar in a child JVM, with what it printed and wrote. */
record HyperfoilRun(Path file, int exit, String out, String err, JsonObject statistics) {

    /** The jar or a failed test saying how to build it: never a silent skip. */
    static void requireJar() {
        try {
            HyperfoilJar.locate();
        } catch (HyperfoilJar.Missing e) {
            fail(e.getMessage() + " (these integration tests run it in a JVM of its own)");
        }
    }

    static HyperfoilRun of(Path file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HyperfoilProcess.run(
                file,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        Path json = HyperfoilProcess.statisticsFile(file);
        JsonObject statistics = Files.exists(json) ? new JsonObject(Files.readString(json)) : new JsonObject();
        return new HyperfoilRun(
                file, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), statistics);
    }

    /** The statistics of one phase (iterations merged), or a failed test showing the whole run. */
    JsonObject phase(String name) {
        JsonArray phases = statistics.getJsonArray("phases", new JsonArray());
        for (int i = 0; i < phases.size(); i++) {
            if (name.equals(phases.getJsonObject(i).getString("phase"))) {
                return phases.getJsonObject(i);
            }
        }
        return fail("no phase " + name + " in the statistics; " + this);
    }

    @Override
    public String toString() {
        try {
            return "hyperfoil run of " + file + ": exit " + exit + "\n--- file:\n" + Files.readString(file)
                    + "--- stdout:\n" + out + "--- stderr:\n" + err;
        } catch (Exception e) {
            return "hyperfoil run of " + file + ": exit " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }
}
