package dev.loopbench.history;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code run.json}, beside a run's {@code results.json} (which stays JMH's own JSON): when the
 * run started, the commit it ran (when run from a git checkout) and the machine it ran on.
 *
 * @param commit        the full hash of HEAD, empty when not run from a git checkout
 * @param dirty         whether the checkout had uncommitted changes
 * @param repositoryUrl an https URL of the repository, from {@code git remote get-url origin}; empty when unknown
 * @param memoryBytes   the machine's physical memory, -1 when the JVM cannot tell
 */
public record RunMetadata(
        Instant time,
        String commit,
        boolean dirty,
        String repositoryUrl,
        int cores,
        long memoryBytes,
        String jdk,
        String os) {

    public static final String FILE = "run.json";

    /** This JVM, this machine, now, and the checkout at {@code repository} if it is one. */
    public static RunMetadata here(Path repository) {
        String commit = git(repository, "rev-parse", "HEAD").orElse("");
        boolean dirty = !commit.isEmpty()
                && git(repository, "status", "--porcelain", "--untracked-files=no")
                        .map(status -> !status.isBlank())
                        .orElse(false);
        String url = commit.isEmpty()
                ? ""
                : git(repository, "remote", "get-url", "origin")
                        .flatMap(RunMetadata::httpsUrl)
                        .orElse("");
        return new RunMetadata(
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                commit,
                dirty,
                url,
                Runtime.getRuntime().availableProcessors(),
                physicalMemory(),
                Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
    }

    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[\\w.-]+@)?([\\w.-]+):(?!//)(.+?)(?:\\.git)?/?$");
    private static final Pattern URL_LIKE =
            Pattern.compile("^(?:https?|ssh|git)://(?:[^@/]+@)?([\\w.-]+)(?::\\d+)?/(.+?)(?:\\.git)?/?$");

    /**
     * The https URL of a remote such as {@code git@github.com:o/r.git}, {@code ssh://git@host/o/r}
     * or {@code https://host/o/r.git}: GitHub-like hosts, whose commits are at {@code URL/commit/HASH}.
     * Local paths and file URLs have none.
     */
    public static Optional<String> httpsUrl(String remote) {
        String trimmed = remote.trim();
        for (Pattern pattern : List.of(URL_LIKE, SCP_LIKE)) {
            Matcher matcher = pattern.matcher(trimmed);
            if (matcher.matches() && matcher.group(1).contains(".")) {
                return Optional.of("https://" + matcher.group(1) + "/" + matcher.group(2));
            }
        }
        return Optional.empty();
    }

    /** Where a commit of this run can be seen, empty when the repository URL or the commit is unknown. */
    public String commitUrl() {
        return repositoryUrl.isEmpty() || commit.isEmpty() ? "" : repositoryUrl + "/commit/" + commit;
    }

    public String shortCommit() {
        return commit.length() > 9 ? commit.substring(0, 9) : commit;
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("time", time.toString())
                .put("commit", commit)
                .put("dirty", dirty)
                .put("repositoryUrl", repositoryUrl)
                .put(
                        "machine",
                        new JsonObject()
                                .put("cores", cores)
                                .put("memoryBytes", memoryBytes)
                                .put("jdk", jdk)
                                .put("os", os));
    }

    public static RunMetadata fromJson(JsonObject json) {
        JsonObject machine = json.getJsonObject("machine", new JsonObject());
        return new RunMetadata(
                Instant.parse(json.getString("time")),
                json.getString("commit", ""),
                json.getBoolean("dirty", false),
                json.getString("repositoryUrl", ""),
                machine.getInteger("cores", -1),
                machine.getLong("memoryBytes", -1L),
                machine.getString("jdk", ""),
                machine.getString("os", ""));
    }

    public void write(Path directory) throws IOException {
        Files.writeString(directory.resolve(FILE), toJson().encodePrettily() + "\n", StandardCharsets.UTF_8);
    }

    /** The run.json in a folder; empty when there is none (a run from before it was written). */
    public static Optional<RunMetadata> read(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(new JsonObject(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (RuntimeException e) { // DecodeException among them
            throw new IOException(file + ": not a loopbench run.json (" + e.getMessage() + ")");
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static Optional<String> git(Path repository, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repository.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out.strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no git here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
