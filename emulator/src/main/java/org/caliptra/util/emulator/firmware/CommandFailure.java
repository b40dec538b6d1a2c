package org.caliptra.util.emulator.firmware;

import org.caliptra.util.protocol.error.CaliptraError;

/**
 * A command the emulated firmware refuses: the mailbox ends with CMD_FAILURE and {@code code} in the
 * firmware error register (none when {@code code} is 0, as the ROM does for a self test it cannot
 * report). A fatal failure also halts the firmware, as a ROM error or SHUTDOWN does on silicon.
 * Internal to the emulator: it never leaves the device thread.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;
    private final boolean fatal;

    public CommandFailure(int code, boolean fatal, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.fatal = fatal;
    }

    public static CommandFailure of(CaliptraError error, String detail) {
        return new CommandFailure(error.code(), false, detail);
    }

    public static CommandFailure fatal(CaliptraError error, String detail) {
        return new CommandFailure(error.code(), true, detail);
    }

    /** CMD_FAILURE with no error code. */
    public static CommandFailure withoutCode(String detail) {
        return new CommandFailure(0, false, detail);
    }

    public int code() {
        return code;
    }

    public boolean fatal() {
        return fatal;
    }
}
