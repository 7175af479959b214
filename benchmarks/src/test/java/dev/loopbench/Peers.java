package dev.loopbench;

import org.junit.jupiter.api.Assumptions;

/**
 * The tools and servers that are not loopbench's (uvicorn and FastAPI, wrk, ...) that some tests
 * measure against. Where they are missing such a test skips with the reason, unless
 * {@code LOOPBENCH_REQUIRE_PEERS} is set (and not {@code 0}): a CI that installed them says so,
 * and a test that still cannot find them fails instead of skipping unnoticed.
 */
public final class Peers {

    public static final String REQUIRE = "LOOPBENCH_REQUIRE_PEERS";

    private Peers() {}

    /** @param reason what is missing and how to install it, printed either way */
    public static void require(boolean present, String reason) {
        if (present) {
            return;
        }
        String required = System.getenv(REQUIRE);
        if (required != null && !required.isBlank() && !required.equals("0")) {
            throw new AssertionError(REQUIRE + " is set but " + reason);
        }
        Assumptions.abort(reason);
    }
}
