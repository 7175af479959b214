package dev.loopbench.targets;

import java.net.URI;

/**
 * The URLs loopbench sends its requests to, in-process and external alike: a target's base URL
 * checked once, and the request URL of a handler or a bystander path under it.
 */
public final class RequestUrls {

    private RequestUrls() {}

    /**
     * The URL without a trailing slash.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static String baseUrl(String url) {
        String trimmed = withoutTrailingSlash(url);
        URI base;
        try {
            base = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL: " + e.getMessage());
        }
        if (!("http".equals(base.getScheme()) || "https".equals(base.getScheme())) || base.getHost() == null) {
            throw new IllegalArgumentException(
                    "'" + url + "' must be an http:// or https:// URL with a host, such as http://localhost:8080");
        }
        return trimmed;
    }

    public static String requestUrl(String baseUrl, String handlerPath, int delayMs) {
        return requestUrl(baseUrl, handlerPath) + "?ms=" + delayMs;
    }

    /** {@code baseUrl/path}, for a path that takes no delay, such as a bystander's. */
    public static String requestUrl(String baseUrl, String path) {
        return withoutTrailingSlash(baseUrl) + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    static String withoutTrailingSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
