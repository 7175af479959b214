package dev.loopbench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The handlers' looks")
class HandlerLooksTest {

    @Test
    @DisplayName("give each handler a colour and a text-chart letter of its own")
    void ownToEachHandler() {
        List<Look> looks =
                List.of(HandlerStyle.values()).stream().map(HandlerLooks::of).toList();
        assertDistinct(looks.stream().map(Look::colour).toList());
        assertDistinct(looks.stream().map(Look::letter).toList());
        for (HandlerStyle style : HandlerStyle.values()) {
            Look look = HandlerLooks.of(style);
            assertTrue(look.colour().matches("#[0-9a-f]{6}"), style + " colour " + look.colour());
        }
    }

    private static void assertDistinct(List<?> values) {
        assertEquals(values.size(), values.stream().distinct().count(), "not all distinct: " + values);
    }
}
