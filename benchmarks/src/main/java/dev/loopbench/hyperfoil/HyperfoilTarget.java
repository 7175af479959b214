package dev.loopbench.hyperfoil;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A target URL split the way Hyperfoil wants it: {@code http: host:} takes scheme, host and
 * port only, so a path prefix ({@code http://host:8080/api}) goes in front of every request path.
 */
record HyperfoilTarget(String origin, String pathPrefix, boolean https) {

    /** @throws IllegalArgumentException saying what is wrong with the URL */
    static HyperfoilTarget parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "'" + url + "' must be an http:// or https:// URL with a host, such as http://127.0.0.1:8080");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "'" + url + "' must be a base URL without user, query or fragment; the handlers are added to it");
        }
        String origin = scheme + "://" + uri.getRawAuthority();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new HyperfoilTarget(
                origin, path.endsWith("/") ? path.substring(0, path.length() - 1) : path, "https".equals(scheme));
    }

    /** {@code /prefix/handler?ms=D}: what every request of the scenario GETs. */
    String requestPath(String handler, int delayMs) {
        String bare = handler.startsWith("/") ? handler.substring(1) : handler;
        return pathPrefix + "/" + bare + "?ms=" + delayMs;
    }
}
