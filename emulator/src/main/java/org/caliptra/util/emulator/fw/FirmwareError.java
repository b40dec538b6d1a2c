package org.caliptra.util.emulator.fw;

/** A command refused by the emulated firmware, with its Caliptra error code. */
final class FirmwareError extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;
    final boolean fatal;

    FirmwareError(int code, boolean fatal, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.fatal = fatal;
    }
}
