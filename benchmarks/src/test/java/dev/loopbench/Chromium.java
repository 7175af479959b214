package dev.loopbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, for the tests that open a page as a reader does: from {@code file://},
 * with every host name resolving to nothing, so that a page that fetches anything shows it in the
 * console (or fails to draw).
 *
 * @param dom    the page's DOM after its scripts ran ({@code --dump-dom})
 * @param stderr Chromium's log with {@code --enable-logging=stderr}: console messages among it
 */
public record Chromium(String dom, String stderr) {

    public static final Path BINARY = Path.of("/usr/bin/chromium");

    /** Skips (or, with LOOPBENCH_REQUIRE_PEERS, fails) when Debian's chromium is missing. */
    public static void require() {
        Peers.require(
                Files.isExecutable(BINARY),
                "no " + BINARY + ": the browser tests need Debian's chromium (apt-get install chromium)");
    }

    /** Opens the page, dumps its DOM, and keeps a screenshot at {@code screenshot}. */
    public static Chromium open(Path page, Path screenshot) throws IOException, InterruptedException {
        return open(page, "", screenshot);
    }

    /** The same with a URL fragment ({@code #...}, without the #) that the page's script reads on load. */
    public static Chromium open(Path page, String fragment, Path screenshot) throws IOException, InterruptedException {
        Chromium loaded = dump(page, fragment);
        Files.createDirectories(screenshot.toAbsolutePath().getParent());
        run(
                page,
                fragment,
                List.of("--screenshot=" + screenshot.toAbsolutePath(), "--window-size=1400,1000", "--hide-scrollbars"));
        return loaded;
    }

    /** The page's DOM after its scripts ran, with a URL fragment (without the #), no screenshot. */
    public static Chromium dump(Path page, String fragment) throws IOException, InterruptedException {
        return run(page, fragment, List.of("--dump-dom"));
    }

    private static Chromium run(Path page, String fragment, List<String> what)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("loopbench-chromium");
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=5000"));
        command.addAll(what);
        command.add(page.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment));
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish within 90 s: " + command);
        }
        return new Chromium(
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Console messages and failed loads in Chromium's log, the noise of a headless start left out. */
    public List<String> consoleErrors() {
        return stderr.lines()
                .filter(line -> line.contains("CONSOLE")
                        || line.contains("Uncaught")
                        || line.contains("ERR_NAME_NOT_RESOLVED")
                        || line.contains("net::ERR"))
                .toList();
    }
}
