package dev.loopbench.client;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The open-file check")
class FileDescriptorsTest {

    @Test
    @DisplayName("counts a socket per request on each side in-process, one against a target, plus headroom")
    void needs() {
        assertEquals(2 * 1000 + FileDescriptors.HEADROOM, FileDescriptors.needed(1000, true));
        assertEquals(1000 + FileDescriptors.HEADROOM, FileDescriptors.needed(1000, false));
    }

    @Test
    @DisplayName("fails N = 12 000 in-process under a limit of 20 000 at once, with the numbers and both remedies")
    void failsInOneLine() {
        CellUnusable failure = assertThrows(CellUnusable.class, () -> FileDescriptors.check(12_000, true, 20_000, 120));
        String message = failure.getMessage();
        assertTrue(
                message.contains("concurrency 12000")
                        && message.contains("24256")
                        && message.contains("may open 20000")
                        && message.contains("ulimit -n 25000")
                        && message.contains("--target"),
                message);
        assertTrue(!message.contains("\n"), "one line: " + message);
    }

    @Test
    @DisplayName("lets N = 5 000 in-process and N = 12 000 against a target run under a limit of 20 000")
    void allowsWhatFits() {
        assertDoesNotThrow(() -> FileDescriptors.check(5_000, true, 20_000, 120));
        assertDoesNotThrow(() -> FileDescriptors.check(12_000, false, 20_000, 120));
    }
}
