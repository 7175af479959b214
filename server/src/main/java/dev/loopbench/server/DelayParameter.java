package dev.loopbench.server;

import dev.loopbench.model.HandlerStyle;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/** The {@code ms} query parameter: how long each handler waits. */
final class DelayParameter {

    static final int DEFAULT_MS = 100;
    static final String ALLOWED = "a whole number of milliseconds from 0 to " + HandlerStyle.MAX_DELAY_MS;

    private DelayParameter() {}

    static int parse(HttpServerRequest request) {
        List<String> values;
        try {
            values = request.params().getAll("ms");
        } catch (IllegalArgumentException e) {
            throw new ClientError(
                    400,
                    "the query string is not valid URL encoding (" + e.getMessage() + "); send ?ms= with " + ALLOWED);
        }
        if (values.isEmpty()) {
            return DEFAULT_MS;
        }
        if (values.size() > 1) {
            throw new ClientError(400, "ms was given " + values.size() + " times; give it once, " + ALLOWED);
        }
        return parse(values.get(0));
    }

    /** One pass over the characters: this runs for every wait request, the zero-delay control's included. */
    static int parse(String value) {
        int length = value.length();
        boolean negative = length > 0 && value.charAt(0) == '-';
        int first = negative ? 1 : 0;
        if (length == first) {
            throw notWholeNumber(value);
        }
        int ms = 0;
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw notWholeNumber(value);
            }
            if (ms <= HandlerStyle.MAX_DELAY_MS) { // stops growing once too large: no overflow, however long
                ms = ms * 10 + (c - '0');
            }
        }
        if (negative && ms != 0) {
            throw new ClientError(400, "ms must not be negative: it must be " + ALLOWED + ", got " + abbreviate(value));
        }
        if (ms > HandlerStyle.MAX_DELAY_MS) {
            throw new ClientError(400, "ms is too large: it must be " + ALLOWED + ", got " + abbreviate(value));
        }
        return ms;
    }

    private static ClientError notWholeNumber(String value) {
        return new ClientError(400, "ms must be " + ALLOWED + ", got \"" + abbreviate(value) + "\"");
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " characters)";
    }
}
