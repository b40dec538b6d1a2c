package org.caliptra.util.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from its environment (test data, a tool). Missing on a developer's machine, the
 * test is skipped with the reason; missing under {@code CI=true}, the test fails with it, so CI can
 * never go green with tests quietly not run.
 */
public final class Prerequisites {
    private Prerequisites() {}

    /** Whether this run is CI: the environment variable {@code CI} is {@code true}. */
    public static boolean strict() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Continues only if {@code present}; otherwise fails under CI and skips elsewhere.
     *
     * @param missing says what is missing and how to provide it, e.g. "SoftHSM2 is not installed (apt-get install softhsm2)"
     */
    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if (strict()) {
            Assertions.fail("missing prerequisite under CI=true: " + missing);
        }
        Assumptions.abort("skipped: " + missing);
    }
}
