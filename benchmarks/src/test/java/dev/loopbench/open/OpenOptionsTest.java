package dev.loopbench.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.loopbench.model.HandlerStyle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The open command's options")
class OpenOptionsTest {

    @Test
    @DisplayName("without any on the command line are the defaults: every handler, their own rates, 5 s, D = 100 ms")
    void defaults() {
        OpenOptions options = OpenOptions.fromCommandLine(null, null, 5, 100, Optional.empty(), false);
        assertEquals(OpenOptions.defaults(), options);
        assertEquals(HandlerStyle.values().length, options.handlers().size(), options.toString());
        options.validate();
    }

    @Test
    @DisplayName("name the option that is wrong: --duration 0, --ms 20000")
    void namesTheOption() {
        IllegalArgumentException duration =
                assertThrows(IllegalArgumentException.class, () -> OpenOptions.fromCommandLine(
                                null, null, 0, 100, Optional.empty(), false)
                        .validate());
        assertEquals("--duration must be a whole number from 1 to 3600, got 0", duration.getMessage());
        IllegalArgumentException ms = assertThrows(IllegalArgumentException.class, () -> OpenOptions.fromCommandLine(
                        List.of("timer"), null, 5, 20_000, Optional.empty(), false)
                .validate());
        assertEquals("--ms must be a whole number from 0 to 10000, got 20000", ms.getMessage());
    }

    @Test
    @DisplayName("take any handler path for a target, since another server's paths are its own")
    void anyPathForATarget() {
        OpenOptions.fromCommandLine(
                        List.of("orders"), List.of(5.0), 5, 100, Optional.of("http://localhost:8080"), false)
                .validate();
    }
}
