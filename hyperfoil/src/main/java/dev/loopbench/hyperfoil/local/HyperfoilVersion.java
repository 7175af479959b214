package dev.loopbench.hyperfoil.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Hyperfoil version in this jar. Hyperfoil reads its version from its jar's manifest, which
 * the shaded jar replaces with its own; the Maven metadata the shade plugin keeps still says it.
 */
final class HyperfoilVersion {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.hyperfoil/hyperfoil-core/pom.properties";

    private HyperfoilVersion() {}

    static String get() {
        try (InputStream in = HyperfoilVersion.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(version unknown)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            return "(version unknown)";
        }
    }
}
