package org.caliptra.util.image.soc;

import org.caliptra.util.protocol.error.CaliptraError;

/** A Caliptra runtime error (CPTRA_FW_ERROR_NON_FATAL value) with a human explanation. */
public record RuntimeError(CaliptraError error, String detail) {
    public String name() {
        return error.name();
    }

    public int code() {
        return error.code();
    }

    public String hexCode() {
        return error.hexCode();
    }

    @Override
    public String toString() {
        return error.describe() + ": " + detail;
    }
}
