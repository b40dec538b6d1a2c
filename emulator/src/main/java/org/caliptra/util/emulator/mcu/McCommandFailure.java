package org.caliptra.util.emulator.mcu;

import org.caliptra.util.protocol.error.CaliptraError;

/** A handler's refusal: the mailbox ends with CMD_FAILURE and this error code. */
public final class McCommandFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errorCode;

    public McCommandFailure(int errorCode, String detail) {
        super(CaliptraError.describe(errorCode) + ": " + detail);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }
}
