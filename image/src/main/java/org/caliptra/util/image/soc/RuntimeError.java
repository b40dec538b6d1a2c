package org.caliptra.util.image.soc;

/** A Caliptra runtime error (CPTRA_FW_ERROR_NON_FATAL value) with a human explanation. */
public record RuntimeError(String name, int code, String detail) {
    public static final int MAILBOX_INVALID_PARAMS = 0x000E_0009;

    public String hexCode() {
        return String.format("0x%08X", code);
    }

    @Override
    public String toString() {
        return name + " (" + hexCode() + "): " + detail;
    }
}
