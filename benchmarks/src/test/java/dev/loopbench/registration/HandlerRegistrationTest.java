package dev.loopbench.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.loopbench.benchmarks.ConcurrentRequestsBenchmark;
import dev.loopbench.matrix.Family;
import dev.loopbench.matrix.Matrix;
import dev.loopbench.model.HandlerStyle;
import dev.loopbench.render.HandlerLooks;
import dev.loopbench.targets.InProcessTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/**
 * The steps of CONTRIBUTING.md's "Adding a handler" that the compiler does not check: a
 * {@link HandlerStyle} without its lanes or its handler does not compile, one without the rest
 * fails here, naming the step.
 */
@DisplayName("Every handler style is registered everywhere a run needs it")
class HandlerRegistrationTest {

    private static final List<HandlerStyle> STYLES = List.of(HandlerStyle.values());

    @Test
    @DisplayName("the benchmark's @Param list of handlers is exactly HandlerStyle's paths, in its order")
    void inTheBenchmarksParamList() throws Exception {
        String[] declared = ConcurrentRequestsBenchmark.class
                .getField("handler")
                .getAnnotation(Param.class)
                .value();
        assertEquals(
                STYLES.stream().map(HandlerStyle::path).toList(),
                List.of(declared),
                "add the new path to ConcurrentRequestsBenchmark's @Param handler, in HandlerStyle's order");
    }

    @Test
    @DisplayName("the default and the quick matrix each run every handler in exactly one family")
    void inOneFamilyOfEachMatrix() {
        for (Matrix matrix : List.of(Matrix.standard(), Matrix.quick())) {
            for (HandlerStyle style : STYLES) {
                long families = matrix.families().stream()
                        .map(Family::handlers)
                        .filter(handlers -> handlers.contains(style.path()))
                        .count();
                assertEquals(1, families, style.path() + " must be in one family of Matrix: " + matrix.families());
            }
        }
    }

    @Test
    @DisplayName("every handler has a look in the charts")
    void hasALook() {
        STYLES.forEach(style ->
                assertNotNull(HandlerLooks.of(style), style + " needs a Look for the charts (render/HandlerLooks)"));
    }

    @Test
    @DisplayName("the server answers every handler's path: 200, or 501 for virtual threads on a JDK without them")
    void theServerAnswersItsPath() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (InProcessTarget server = InProcessTarget.start(1)) {
            for (HandlerStyle style : STYLES) {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + style.path() + "?ms=0"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                int expected =
                        style.needsVirtualThreads() && !server.virtualThreads().orElse(false) ? 501 : 200;
                assertEquals(
                        expected,
                        answer.statusCode(),
                        "GET /" + style.path() + " answered " + answer.body()
                                + "; wire the style's handler in WorkHandlers.handlerOf");
            }
        }
    }
}
