package dev.loopbench.hyperfoil;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.ServerShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/** The exported files, read back with SnakeYAML as Hyperfoil's parser reads them. */
@DisplayName("The Hyperfoil export")
class HyperfoilExportTest {

    private static final ServerShape E2 = new ServerShape(2, 20, 2, 2);

    @TempDir
    Path dir;

    @Test
    @DisplayName("writes one wave file per handler: N users at once, one iteration per wave, warm-up first")
    void waves() throws Exception {
        ExportOptions options = ExportOptions.defaults()
                .withHandlers(List.of("timer", "event-loop-sleep"))
                .withLoad(new Load.Waves(16, 10, 50))
                .withShape(E2);
        List<Path> files = HyperfoilExport.write(options, dir);

        assertEquals(List.of(dir.resolve("timer-waves.hf.yaml"), dir.resolve("event-loop-sleep-waves.hf.yaml")), files);
        Exported timer = Exported.read(files.get(0));
        Map<String, Object> warmup = timer.phase(0, "warmup", "atOnce");
        Map<String, Object> waves = timer.phase(1, "waves", "atOnce");
        assertAll(
                options + "\n" + timer,
                () -> assertEquals("timer-waves", timer.yaml().get("name")),
                () -> assertEquals(2, timer.yaml().get("threads")),
                () -> assertEquals("http://127.0.0.1:8080", timer.http().get("host")),
                () -> assertEquals(false, timer.http().get("allowHttp2"), "HTTP/1.1 only"),
                () -> assertEquals(16, timer.http().get("sharedConnections"), "a connection per request of a wave"),
                () -> assertEquals("30000ms", timer.http().get("requestTimeout"), "3 x 100 ms, at least 30 s"),
                () -> assertFalse(timer.yaml().containsKey("agents"), "agents stay commented out"),
                () -> assertTrue(timer.text().contains("\n#agents:\n#  agent-1: "), "agents ready to fill in"),
                () -> assertEquals(16, warmup.get("users")),
                () -> assertEquals(10, warmup.get("maxIterations")),
                () -> assertEquals(true, warmup.get("isWarmup")),
                () -> assertEquals(16, waves.get("users")),
                () -> assertEquals(50, waves.get("maxIterations")),
                () -> assertEquals("warmup/009", waves.get("startAfterStrict"), "after the last warm-up wave"),
                () -> assertEquals(Map.of("GET", "/timer?ms=100", "metric", "timer"), Exported.request(waves)));
        Exported sleep = Exported.read(files.get(1));
        assertTrue(
                sleep.text().contains("Model (E=2 W=20 V=2 C=2): L = 2 lanes, T(16) = ceil(16 / L) x 100 ms = 800 ms"),
                "the model's wave time, for the reader:\n" + sleep);
    }

    @Test
    @DisplayName("times a wave out like loopbench: 3 x the model's wave time, else 3 x the one-lane worst case")
    void timeoutFollowsTheModel() throws Exception {
        ExportOptions long64 = ExportOptions.defaults()
                .withHandlers(List.of("event-loop-sleep"))
                .withDelayMs(1000)
                .withLoad(new Load.Waves(64, 1, 1));
        Exported known = Exported.read(HyperfoilExport.write(long64.withShape(E2), dir.resolve("known"))
                .get(0));
        Exported unknown = Exported.read(
                HyperfoilExport.write(long64, dir.resolve("unknown")).get(0));
        assertAll(
                long64 + "\n" + known + "\n" + unknown,
                () -> assertEquals("96000ms", known.http().get("requestTimeout"), "ceil(64 / 2) x 1 s = 32 s, x 3"),
                () -> assertEquals("192000ms", unknown.http().get("requestTimeout"), "64 x 1 s, x 3"),
                () -> assertEquals(
                        "warmup",
                        known.phase(1, "waves", "atOnce").get("startAfterStrict"),
                        "one warm-up wave is a phase without iterations"));
    }

    @Test
    @DisplayName("without warm-up waves writes the measured phase alone")
    void noWarmup() throws Exception {
        ExportOptions options =
                ExportOptions.defaults().withHandlers(List.of("timer")).withLoad(new Load.Waves(4, 0, 3));
        Exported timer = Exported.read(HyperfoilExport.write(options, dir).get(0));
        Map<String, Object> waves = timer.phase(0, "waves", "atOnce");
        assertAll(
                options + "\n" + timer,
                () -> assertEquals(1, timer.phases().size()),
                () -> assertFalse(waves.containsKey("startAfterStrict")));
    }

    @Test
    @DisplayName("writes the open model: constantRate with sessions for every user still in time")
    void constantRate() throws Exception {
        ExportOptions options = ExportOptions.defaults()
                .withHandlers(List.of("timer"))
                .withLoad(new Load.ConstantRate(200, 5, 30, false));
        List<Path> files = HyperfoilExport.write(options, dir);

        assertEquals(List.of(dir.resolve("timer-rate.hf.yaml")), files);
        Exported timer = Exported.read(files.get(0));
        Map<String, Object> warmup = timer.phase(0, "warmup", "constantRate");
        Map<String, Object> steady = timer.phase(1, "steady", "constantRate");
        assertAll(
                options + "\n" + timer,
                () -> assertEquals("timer-rate", timer.yaml().get("name")),
                () -> assertEquals("2000ms", timer.http().get("requestTimeout"), "10 x 100 ms, at least 2 s"),
                () -> assertEquals(80, timer.http().get("sharedConnections"), "4 x 200/s x 0.1 s in flight"),
                () -> assertEquals(200, warmup.get("usersPerSec")),
                () -> assertEquals("5s", warmup.get("duration")),
                () -> assertEquals(true, warmup.get("isWarmup")),
                () -> assertEquals(200, steady.get("usersPerSec")),
                () -> assertEquals("30s", steady.get("duration")),
                () -> assertEquals(400, steady.get("maxSessions"), "200/s x the 2 s timeout"),
                () -> assertEquals(false, steady.get("variance"), "evenly spaced, as asked"),
                () -> assertEquals("warmup", steady.get("startAfterStrict")),
                () -> assertEquals(Map.of("GET", "/timer?ms=100", "metric", "timer"), Exported.request(steady)));
    }

    @Test
    @DisplayName("keeps an https target's path prefix in every request and says how certificates are checked")
    void httpsWithPrefix() throws Exception {
        ExportOptions options = ExportOptions.defaults()
                .withBaseUrl("https://service.example:8443/api/")
                .withHandlers(List.of("reports/slow"))
                .withDelayMs(0)
                .withLoad(new Load.ConstantRate(2.5, 0, 10, true));
        Exported slow = Exported.read(HyperfoilExport.write(options, dir).get(0));
        Map<String, Object> steady = slow.phase(0, "steady", "constantRate");
        assertAll(
                options + "\n" + slow,
                () -> assertEquals("reports-slow-rate", slow.yaml().get("name")),
                () -> assertEquals("https://service.example:8443", slow.http().get("host")),
                () -> assertTrue(slow.text().contains("accepts any server certificate")),
                () -> assertEquals(2.5, steady.get("usersPerSec")),
                () -> assertEquals(true, steady.get("variance"), "Poisson arrivals"),
                () -> assertEquals(
                        "/api/reports/slow?ms=0", Exported.request(steady).get("GET")));
    }

    @Test
    @DisplayName("refuses options it cannot write, saying what is allowed")
    void badOptions() {
        ExportOptions defaults = ExportOptions.defaults();
        assertAll(
                () -> assertMessage("must be an http:// or https:// URL", () -> defaults.withBaseUrl("ftp://x")),
                () -> assertMessage("without user, query or fragment", () -> defaults.withBaseUrl("http://x/?a=b")),
                () -> assertMessage("must be a path such as timer", () -> defaults.withHandlers(List.of("timer?ms=1"))),
                () -> assertMessage("no handler to export", () -> defaults.withHandlers(List.of())),
                () -> assertMessage("ms must be from 0 to 10000, got -1", () -> defaults.withDelayMs(-1)),
                () -> assertMessage("concurrency must be at least 1, got 0", () -> new Load.Waves(0, 1, 1)),
                () -> assertMessage("rate must be a positive number", () -> new Load.ConstantRate(0, 1, 1, false)));
    }

    private static void assertMessage(String expected, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should say '" + expected + "'");
    }

    /** A written file: its text and what SnakeYAML reads in it. */
    private record Exported(Path file, String text, Map<String, Object> yaml) {

        static Exported read(Path file) throws Exception {
            String text = Files.readString(file);
            return new Exported(file, text, new Yaml().load(text));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> http() {
            return (Map<String, Object>) yaml.get("http");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> phases() {
            return (List<Map<String, Object>>) yaml.get("phases");
        }

        /** The model's settings of phase {@code index}, checking its name and model. */
        @SuppressWarnings("unchecked")
        Map<String, Object> phase(int index, String name, String model) {
            Map<String, Object> phase =
                    (Map<String, Object>) phases().get(index).get(name);
            assertTrue(phase != null, "phase " + index + " should be " + name + ":\n" + text);
            Map<String, Object> settings = (Map<String, Object>) phase.get(model);
            assertTrue(settings != null, name + " should be " + model + ":\n" + text);
            return settings;
        }

        /** The one httpRequest of the phase's one sequence. */
        @SuppressWarnings("unchecked")
        static Map<String, Object> request(Map<String, Object> phase) {
            List<Map<String, Object>> scenario = (List<Map<String, Object>>) phase.get("scenario");
            List<Map<String, Object>> steps =
                    (List<Map<String, Object>>) scenario.get(0).get("request");
            return (Map<String, Object>) steps.get(0).get("httpRequest");
        }

        @Override
        public String toString() {
            return "--- " + file + ":\n" + text;
        }
    }
}
