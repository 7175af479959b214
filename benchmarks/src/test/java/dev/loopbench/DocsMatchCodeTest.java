package dev.loopbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.JmhSettings;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.Lanes;
import dev.loopbench.model.ServerShape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The few tables the documents keep although code owns their facts, held against that code, so
 * that the next drift fails the build instead of misleading a reader. Everything else the docs
 * say about handlers, the matrix and the rules names the class that owns it, or shows real output.
 */
@DisplayName("The documentation")
class DocsMatchCodeTest {

    private static final Path ROOT = repositoryRoot();

    /** Pool sizes unlike each other, so that a wrong letter or a missing min() shows. */
    private static final List<ServerShape> SHAPES = List.of(
            new ServerShape(2, 20, 3, 5),
            new ServerShape(7, 4, 1, 3),
            new ServerShape(1, 1, 9, 100),
            new ServerShape(64, 32, 8, 2));

    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    @DisplayName("README.md's handler table lists every HandlerStyle in its order, on its thread, with its lanes")
    void handlerTableMatchesHandlerStyle() {
        List<List<String>> rows = table("README.md", "endpoint", "what it does", "runs on", "lanes L");
        List<String> documented = rows.stream().map(row -> unquoted(row.get(0))).toList();
        List<String> paths = Arrays.stream(HandlerStyle.values())
                .map(style -> "/" + style.path())
                .toList();
        assertEquals(paths, documented, "README.md's handler table against HandlerStyle.values(), in order");
        for (List<String> row : rows) {
            HandlerStyle style = HandlerStyle.fromPath(unquoted(row.get(0))).orElseThrow();
            String runsOn = style.waitsOn().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            assertEquals(runsOn, row.get(2), "README.md row " + row + ": HandlerStyle." + style + ".waitsOn()");
            for (ServerShape shape : SHAPES) {
                assertEquals(
                        style.lanes(shape),
                        lanes(row.get(3), shape),
                        "README.md row " + row + ": its lanes '" + row.get(3) + "' on " + shape
                                + " against HandlerStyle." + style + ".lanes");
            }
        }
    }

    @Test
    @DisplayName("benchmarks/README.md's matrix table is Matrix.standard() and Matrix.quick() with their controls")
    void matrixTableMatchesMatrix() {
        List<List<String>> rows = table(
                "benchmarks/README.md",
                "family",
                "handlers",
                "N, default",
                "N, `--quick`",
                "iterations, default",
                "iterations, `--quick`");
        List<Family> standard =
                Matrix.standard().withControl(Matrix.STANDARD_CONTROL).families();
        List<Family> quick = Matrix.quick().withControl(Matrix.QUICK_CONTROL).families();
        assertEquals(
                standard.stream().map(Family::name).toList(),
                rows.stream().map(row -> row.get(0)).toList(),
                "the families of benchmarks/README.md's matrix table against Matrix.standard(): " + rows);
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Family family = standard.get(i);
            Family quickFamily = quick.stream()
                    .filter(f -> f.name().equals(family.name()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Matrix.quick() has no family " + family.name()));
            String where = "benchmarks/README.md row " + row + " against " + family + " and " + quickFamily;
            assertEquals(family.handlers(), quickFamily.handlers(), where);
            assertEquals(family.handlers(), unquotedList(row.get(1)), where);
            String delays = family.name().equals(Matrix.CONTROL)
                    ? " at `delayMs=" + family.delays().get(0) + "`"
                    : ""; // the others' D is the sentence under the table
            assertEquals(delays, suffix(row.get(1)), where);
            assertEquals(levels(family), row.get(2), where);
            assertEquals(levels(quickFamily), row.get(3), where);
            assertEquals(iterations(family.settings()), row.get(4), where);
            assertEquals(iterations(quickFamily.settings()), row.get(5), where);
        }
        String text = read("benchmarks/README.md");
        String delayAndLoops = "D = " + Matrix.DELAY_MS + " ms (0 for the control) and an in-process server with E = "
                + Matrix.EVENT_LOOPS;
        assertTrue(
                text.replaceAll("\\s+", " ").contains(delayAndLoops),
                "benchmarks/README.md should say, under its matrix table, '" + delayAndLoops + "'");
    }

    @Test
    @DisplayName("CONTRIBUTING.md lists every test class of every module, and no class that is gone")
    void contributingListsEveryTestClass() throws IOException {
        TreeMap<String, Path> classes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(file -> file.toString().contains("/src/test/java/"))
                    .filter(file -> file.getFileName().toString().matches("[A-Za-z0-9]+(Test|IT)\\.java"))
                    .forEach(file ->
                            classes.put(file.getFileName().toString().replace(".java", ""), ROOT.relativize(file)));
        }
        Set<String> listed = new TreeSet<>();
        for (String line : read("CONTRIBUTING.md").lines().toList()) {
            if (line.startsWith("|")) {
                String first = line.split("\\|")[1];
                Matcher name = BACKTICKED.matcher(first);
                while (name.find()) {
                    listed.add(name.group(1));
                }
            }
        }
        Set<String> unlisted = new TreeSet<>(classes.keySet());
        unlisted.removeAll(listed);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(classes.keySet());
        if (!unlisted.isEmpty() || !gone.isEmpty()) {
            fail("CONTRIBUTING.md's tables of test classes: not listed "
                    + unlisted.stream()
                            .map(name -> name + " (" + classes.get(name) + ")")
                            .toList()
                    + "; listed but not found under any src/test/java " + gone + "; listed " + listed);
        }
    }

    @Test
    @DisplayName("never counts the handlers, styles or endpoints, which is how six stayed six after three more came")
    void noDocumentCountsTheHandlers() {
        Pattern count = Pattern.compile(
                "\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)\\s+([\\w-]+\\s+)?"
                        + "(handlers|styles|endpoints)\\b",
                Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        for (Path doc : documents()) {
            String text = read(doc);
            Matcher matcher = count.matcher(text);
            while (matcher.find()) {
                long line = text.substring(0, matcher.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                found.add(doc + ":" + line + ": " + matcher.group().replaceAll("\\s+", " "));
            }
        }
        assertEquals(List.of(), found, "name HandlerStyle, or show real output, instead of a count that drifts");
    }

    @Test
    @DisplayName("links only to files and headings that exist")
    void linksResolve() {
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            Matcher matcher = link.matcher(read(doc));
            while (matcher.find()) {
                String target = matcher.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // https: and mailto: are the web's
                }
                String[] parts = target.split("#", 2);
                Path folder = doc.getParent() == null ? Path.of("") : doc.getParent();
                Path file = parts[0].isEmpty() ? doc : folder.resolve(parts[0]).normalize();
                if (!Files.exists(ROOT.resolve(file))) {
                    broken.add(doc + ": " + target + " (no file " + file + ")");
                } else if (parts.length == 2 && !anchors(file).contains(parts[1])) {
                    broken.add(doc + ": " + target + " (no heading #" + parts[1] + " in " + file + ", which has "
                            + anchors(file) + ")");
                }
            }
        }
        assertEquals(List.of(), broken, "links in the documents");
    }

    /** The rows under the header whose cells are exactly {@code columns}, each row's cells stripped. */
    private static List<List<String>> table(String document, String... columns) {
        List<String> lines = read(document).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (cells(lines.get(i)).equals(List.of(columns))) {
                List<List<String>> rows = new ArrayList<>();
                for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
                    List<String> row = cells(lines.get(j));
                    assertEquals(
                            columns.length, row.size(), document + ": a row of " + columns.length + " cells: " + row);
                    rows.add(row);
                }
                return rows;
            }
        }
        throw new AssertionError(document + " has no table with the columns " + List.of(columns));
    }

    private static List<String> cells(String line) {
        if (!line.startsWith("|")) {
            return List.of();
        }
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    /** {@code E}, {@code W}, {@code V}, {@code C}, {@code unbounded} or {@code min(X, Y)}. */
    private static Lanes lanes(String expression, ServerShape shape) {
        String bare = expression.strip();
        if (bare.equals("unbounded")) {
            return Lanes.UNBOUNDED;
        }
        Matcher min = Pattern.compile("min\\((\\w), (\\w)\\)").matcher(bare);
        if (min.matches()) {
            return Lanes.of(Math.min(pool(min.group(1), shape, expression), pool(min.group(2), shape, expression)));
        }
        return Lanes.of(pool(bare, shape, expression));
    }

    private static int pool(String letter, ServerShape shape, String expression) {
        return switch (letter) {
            case "E" -> shape.eventLoops();
            case "W" -> shape.workerPoolSize();
            case "V" -> shape.virtualThreadInstances();
            case "C" -> shape.cores();
            default ->
                throw new AssertionError(
                        "lanes '" + expression + "': E, W, V, C, unbounded or min(X, Y), not '" + letter + "'");
        };
    }

    private static String unquoted(String cell) {
        return cell.replace("`", "").strip();
    }

    /** The comma-separated names at the start of a cell, backticks or not: {@code a, b} or {@code `a`, `b`}. */
    private static List<String> unquotedList(String cell) {
        String names = cell.contains(" at ") ? cell.substring(0, cell.indexOf(" at ")) : cell;
        return Arrays.stream(names.split(",")).map(DocsMatchCodeTest::unquoted).toList();
    }

    private static String suffix(String cell) {
        return cell.contains(" at ") ? cell.substring(cell.indexOf(" at ")) : "";
    }

    private static String levels(Family family) {
        return family.concurrency().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** As the table writes a family's JMH settings: {@code 2 warm-up, 5 measured, 2 s each}, or {@code ... of 400 ms}. */
    private static String iterations(JmhSettings settings) {
        String iterations = settings.warmupMillis() == settings.measurementMillis()
                ? String.format(
                        Locale.ROOT,
                        "%d warm-up, %d measured, %s each",
                        settings.warmupIterations(),
                        settings.measurementIterations(),
                        spaced(settings.measurementMillis()))
                : String.format(
                        Locale.ROOT,
                        "%d warm-up of %s, %d measured of %s",
                        settings.warmupIterations(),
                        spaced(settings.warmupMillis()),
                        settings.measurementIterations(),
                        spaced(settings.measurementMillis()));
        return settings.forks() == 1 ? iterations : iterations + ", " + settings.forks() + " forks";
    }

    private static String spaced(int millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** GitHub's anchors: headings in lower case, punctuation but hyphens dropped, spaces as hyphens. */
    private static Set<String> anchors(Path document) {
        return read(document)
                .lines()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every Markdown file of the repository, relative to its root, outside build output and results. */
    private static List<Path> documents() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.map(ROOT::relativize)
                    .filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> Stream.of(file.toString().split("/"))
                            .noneMatch(part -> part.equals("target") || part.equals("results") || part.startsWith(".")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String document) {
        return read(Path.of(document));
    }

    private static String read(Path document) {
        try {
            return Files.readString(ROOT.resolve(document));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ROOT.resolve(document), e);
        }
    }

    /** Tests run from their module's directory; the repository is where {@code run-benchmarks.sh} is. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("run-benchmarks.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no run-benchmarks.sh above " + Path.of("").toAbsolutePath());
    }
}
