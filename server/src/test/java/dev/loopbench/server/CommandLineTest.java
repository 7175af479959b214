package dev.loopbench.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopbench.model.HandlerStyle;
import dev.loopbench.model.ServerShape;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The server's command line")
class CommandLineTest {

    @Test
    @DisplayName("without flags gives the documented defaults, with V following E and the lag probe every 5 ms")
    void defaults() throws Exception {
        ServerConfig config = CommandLine.parse();
        assertEquals(ServerConfig.defaults(), config);
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertEquals(20, config.shape().workerPoolSize());
        assertEquals(config.shape().eventLoops(), config.shape().virtualThreadInstances());
        assertEquals(5, config.lagProbeMs());
    }

    @Test
    @DisplayName("takes every flag, as '--flag value' or '--flag=value'")
    void everyFlag() throws Exception {
        ServerConfig config = CommandLine.parse(
                "--host",
                "0.0.0.0",
                "--port=0",
                "--event-loops",
                "3",
                "--worker-pool-size=7",
                "--virtual-thread-instances",
                "5",
                "--warn-blocked-ms",
                "0",
                "--lag-probe-ms=2");
        assertEquals(new ServerConfig("0.0.0.0", 0, new ServerShape(3, 7, 5), 0, 2), config);
    }

    @Test
    @DisplayName("makes V follow E when only E is given")
    void virtualThreadInstancesFollowEventLoops() throws Exception {
        assertEquals(
                new ServerShape(6, 20, 6),
                CommandLine.parse("--event-loops", "6").shape());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--port abc                  | --port must be a whole number from 0 to 65535, got 'abc'",
                "--port 65536                | --port must be a whole number from 0 to 65535, got '65536'",
                "--port -1                   | --port must be a whole number from 0 to 65535, got '-1'",
                "--event-loops 0             | --event-loops must be a whole number from 1 to 1024, got '0'",
                "--worker-pool-size 1.5      | --worker-pool-size must be a whole number from 1 to 10000, got '1.5'",
                "--virtual-thread-instances 0 | --virtual-thread-instances must be a whole number from 1 to 10000, got '0'",
                "--warn-blocked-ms -5        | --warn-blocked-ms must be a whole number from 0 to 3600000, got '-5'",
                "--lag-probe-ms 1001         | --lag-probe-ms must be a whole number from 0 to 1000, got '1001'",
                "--port                      | --port needs a value",
                "--host --port 8080          | --host needs a value",
                "--bogus 1                   | unknown option '--bogus'",
                "-p 8080                     | unknown option '-p'",
                "8080                        | unknown option '8080'",
                "--port 1 --port 2           | --port given twice",
                "--host=                     | --host needs an address, e.g. 127.0.0.1 or 0.0.0.0",
            })
    void rejectsBadFlagsSayingWhatIsAllowed(String args, String expectedMessage) {
        String[] argv = args.trim().split("\\s+");
        CommandLine.UsageException e = assertThrows(
                CommandLine.UsageException.class, () -> CommandLine.parse(argv), "args " + Arrays.toString(argv));
        assertEquals(expectedMessage, e.getMessage(), "args " + Arrays.toString(argv));
    }

    @Test
    @DisplayName("--help and -h ask for the usage, which names every flag")
    void help() {
        assertThrows(CommandLine.HelpRequested.class, () -> CommandLine.parse("--help"));
        assertThrows(CommandLine.HelpRequested.class, () -> CommandLine.parse("--port", "1", "-h"));
        for (String flag : new String[] {
            "--host",
            "--port",
            "--event-loops",
            "--worker-pool-size",
            "--virtual-thread-instances",
            "--warn-blocked-ms",
            "--lag-probe-ms",
            "--help"
        }) {
            assertTrue(CommandLine.USAGE.contains(flag), "usage should mention " + flag + ":\n" + CommandLine.USAGE);
        }
    }

    @Test
    @DisplayName("the usage lists every endpoint, /health and /metrics included")
    void helpListsEveryEndpoint() {
        for (HandlerStyle style : HandlerStyle.values()) {
            assertTrue(
                    CommandLine.USAGE.contains("/" + style.path() + " "),
                    "usage should list /" + style.path() + ":\n" + CommandLine.USAGE);
        }
        assertTrue(CommandLine.USAGE.contains("/health "), CommandLine.USAGE);
        assertTrue(CommandLine.USAGE.contains("/metrics "), CommandLine.USAGE);
    }
}
