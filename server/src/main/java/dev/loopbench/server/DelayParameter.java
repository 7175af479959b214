package dev.loopbench.server;

import dev.loopbench.model.WaitStyle;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.regex.Pattern;

/** The {@code ms} query parameter: how long each handler waits. */
final class DelayParameter {

    static final int DEFAULT_MS = 100;
    static final String ALLOWED = "a whole number of milliseconds from 0 to " + WaitStyle.MAX_DELAY_MS;

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

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

    static int parse(String value) {
        if (!INTEGER.matcher(value).matches()) {
            throw new ClientError(400, "ms must be " + ALLOWED + ", got \"" + abbreviate(value) + "\"");
        }
        boolean negative = value.startsWith("-");
        String digits = (negative ? value.substring(1) : value).replaceFirst("^0+(?=.)", "");
        if (negative && !digits.equals("0")) {
            throw new ClientError(400, "ms must not be negative: it must be " + ALLOWED + ", got " + abbreviate(value));
        }
        if (digits.length() > 5 || Integer.parseInt(digits) > WaitStyle.MAX_DELAY_MS) {
            throw new ClientError(400, "ms is too large: it must be " + ALLOWED + ", got " + abbreviate(value));
        }
        return Integer.parseInt(digits);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "... (" + value.length() + " characters)";
    }
}
