package dev.loopbench.jmh;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Real JMH results of this suite, trimmed to a few cells, in src/test/resources/fixtures. */
public final class Fixtures {

    private Fixtures() {}

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("no fixture " + name, e);
        }
    }
}
