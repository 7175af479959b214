package dev.loopbench.timeline;

import dev.loopbench.render.ChartFailure;
import dev.loopbench.render.ChartStyle;
import dev.loopbench.render.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code results/<timestamp>-timeline/}: timeline.txt, timeline.json, a Gantt chart per handler and index.html. */
public final class TimelineFolder {

    private static final String EXPLANATION =
            "Each row is one request, in the order the server started its wait. Grey: between client and server (in"
                    + " flight, or unread in the socket while the event loop is busy); orange: queued in the server;"
                    + " coloured: the wait itself, one colour per thread. The dashed line is the model's wave time."
                    + " The rows b1, b2, ... are bystanders: cheap requests on connections of their own, sent during"
                    + " the wave, from sent to answered.";

    private TimelineFolder() {}

    /**
     * @param text the timeline as {@link TextTimeline} rendered it at {@link TextTimeline#FILE_WIDTH}
     * @return a line for each chart that could not be drawn, saying why
     */
    public static List<String> write(List<WaveTrace> waves, String header, String text, Path directory)
            throws IOException {
        Files.writeString(directory.resolve("timeline.txt"), text, StandardCharsets.UTF_8);
        Files.writeString(
                directory.resolve("timeline.json"), TimelineJson.of(waves).encodePrettily(), StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        List<HtmlReport.Section> sections = new ArrayList<>();
        double scale = waves.stream().mapToDouble(WaveTrace::spanMillis).max().orElse(1);
        for (WaveTrace wave : waves) {
            String name = "timeline-" + wave.handler().replaceAll("[^A-Za-z0-9-]", "_");
            try {
                ChartStyle.save(TimelineChart.of(wave, scale), directory.resolve(name));
                sections.add(new HtmlReport.Section(
                        wave.handler(), EXPLANATION, HtmlReport.image(name, wave.handler() + " timeline")));
            } catch (IOException | RuntimeException | Error e) {
                sections.add(new HtmlReport.Section(
                        wave.handler(), "no chart: " + HtmlReport.escape(ChartFailure.describe(e)), ""));
                failures.add("no chart for " + wave.handler() + ": " + ChartFailure.describe(e));
            }
        }
        sections.add(new HtmlReport.Section("As text", "", HtmlReport.preformatted(text)));
        HtmlReport.write(
                directory.resolve("index.html"), "loopbench: the blocking, request by request", header, sections);
        return failures;
    }
}
