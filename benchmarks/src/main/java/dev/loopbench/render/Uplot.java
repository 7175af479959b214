package dev.loopbench.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * uPlot, the charting library of index.html, read from its WebJar on the classpath to be inlined
 * in the page: a page that opens from {@code file://} cannot fetch it, and should not need to.
 * The version is the WebJar's own (its {@code pom.properties}), so the parent pom stays the one
 * place that names it.
 */
public final class Uplot {

    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private Uplot() {}

    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = open(POM_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** {@code uPlot.iife.min.js}: defines the global {@code uPlot}. */
    public static String script() {
        return read("dist/uPlot.iife.min.js");
    }

    public static String css() {
        return read("dist/uPlot.min.css");
    }

    private static String read(String file) {
        try (InputStream in = open(WEBJAR + version() + "/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A missing resource is a broken build, not bad input: said in one line that names the WebJar. */
    private static InputStream open(String resource) {
        InputStream in = Uplot.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("no " + resource + " on the classpath: the build lost the WebJar"
                    + " org.webjars.npm:uplot, which index.html inlines");
        }
        return in;
    }
}
