package dev.loopbench.hyperfoil;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code hyperfoil export}: writes one Hyperfoil benchmark file per handler. One file per
 * handler, not one file with a phase per handler, because handlers run in one benchmark would
 * share its connections and, one after the other, its run: a blocking handler's slow waves would
 * delay every later one, and Hyperfoil's report is per run. A file per handler can be run,
 * repeated and compared on its own, on a controller as here.
 */
public final class HyperfoilExport {

    private HyperfoilExport() {}

    /**
     * @return the files written, {@code outDir/<handler>-waves.hf.yaml} or {@code -rate.hf.yaml},
     *     in the order of the handlers; an existing file of that name is replaced
     */
    public static List<Path> write(ExportOptions options, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (String handler : new LinkedHashSet<>(options.handlers())) {
            Path file = outDir.resolve(fileName(handler, options.load()));
            Files.writeString(file, HyperfoilScenario.yaml(options, handler), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    public static String fileName(String handler, Load load) {
        return HyperfoilScenario.name(handler, load) + ".hf.yaml";
    }
}
