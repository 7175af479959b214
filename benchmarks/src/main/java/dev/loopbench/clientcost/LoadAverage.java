package dev.loopbench.clientcost;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The machine's load average, printed before and after: a ratio measured on a busy machine says so beside it. */
final class LoadAverage {

    private LoadAverage() {}

    /** The 1, 5 and 15 minute figures where /proc has them; the JVM's one figure, or "unknown", elsewhere. */
    static String now() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        if (load < 0) {
            return "unknown";
        }
        try {
            String[] proc = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", Arrays.asList(proc).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", load);
        }
    }
}
