package dev.loopbench.hyperfoil.local;

/**
 * Points Log4j 2 (Hyperfoil's logging, with Netty and Vert.x routed to it through SLF4J) at
 * this jar's configuration: warnings and errors only, on stderr, so that stdout holds the table.
 * Hyperfoil's own configuration logs every phase change at INFO on stdout.
 */
final class Logging {

    static final String CONFIGURATION = "loopbench-hyperfoil-log4j2.xml";

    private Logging() {}

    /** Must run before the first logger is created; a configuration given with -D wins. */
    static void configure() {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", CONFIGURATION);
        }
    }
}
