package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The handler styles")
class HandlerStyleTest {

    @Test
    @DisplayName("each have a path of their own")
    void ownTheirPaths() {
        List<HandlerStyle> styles = List.of(HandlerStyle.values());
        assertDistinct(styles.stream().map(HandlerStyle::path).toList());
    }

    @ParameterizedTest(name = "{0} is found by its path, with or without the leading slash")
    @EnumSource(HandlerStyle.class)
    void foundByPath(HandlerStyle style) {
        assertEquals(style, HandlerStyle.fromPath(style.path()).orElseThrow(), style.path());
        assertEquals(style, HandlerStyle.fromPath("/" + style.path()).orElseThrow(), "/" + style.path());
    }

    @Test
    @DisplayName("need virtual threads exactly when they wait on one")
    void virtualThreads() {
        Arrays.stream(HandlerStyle.values())
                .forEach(style -> assertEquals(
                        style.waitsOn() == RunsOn.VIRTUAL_THREAD,
                        HandlerStyle.needsVirtualThreads(style.path()),
                        style.toString()));
        assertEquals(false, HandlerStyle.needsVirtualThreads("api/report"));
    }

    private static void assertDistinct(List<?> values) {
        assertEquals(values.size(), values.stream().distinct().count(), "not all distinct: " + values);
    }
}
