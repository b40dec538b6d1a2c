package org.caliptra.util.image.verify;

import org.caliptra.util.protocol.Generation;

/**
 * The first check that failed: the Caliptra error name and code the ROM would report, plus a
 * human explanation naming the field.
 */
public record Rejection(VerifierError error, Generation generation, String detail) {
    public String name() {
        return error.errorName(generation);
    }

    public int code() {
        return error.code(generation);
    }

    public String hexCode() {
        return String.format("0x%08X", code());
    }

    @Override
    public String toString() {
        return name() + " (" + hexCode() + "): " + detail;
    }
}
