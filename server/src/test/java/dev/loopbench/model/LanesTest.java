package dev.loopbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Lanes")
class LanesTest {

    @Test
    @DisplayName("a count is bounded and prints as its number")
    void boundedCount() {
        Lanes lanes = Lanes.of(20);
        assertTrue(lanes.isBounded(), lanes.toString());
        assertEquals("20", lanes.toString());
    }

    @Test
    @DisplayName("unbounded prints as a word, not as Integer.MAX_VALUE")
    void unbounded() {
        assertFalse(Lanes.UNBOUNDED.isBounded());
        assertEquals("unbounded", Lanes.UNBOUNDED.toString());
    }

    @ParameterizedTest(name = "{0} lanes are refused, naming the value")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void refusesFewerThanOne(int count) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Lanes.of(count));
        assertEquals("lanes must be at least 1, got " + count, refused.getMessage());
    }
}
