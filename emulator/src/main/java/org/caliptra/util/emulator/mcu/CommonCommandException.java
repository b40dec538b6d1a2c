package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;

/**
 * A common command (FirmwareVersion, DeviceCapabilities, the debug log) the MCU cannot answer, with
 * the completion code the reference's shared handler gives (caliptra-mcu-sw
 * {@code CaliptraCmdHandler}). The MCTP-VDM responder sends the code; the MCI mailbox turns it into
 * an MCU error as the reference's {@code map_common_cmd_error} does.
 */
final class CommonCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient VdmCompletionCode completionCode;

    CommonCommandException(VdmCompletionCode completionCode, String detail) {
        super(detail, null, false, false);
        this.completionCode = completionCode;
    }

    VdmCompletionCode completionCode() {
        return completionCode;
    }

    /** InvalidParameter → MCU_MBOX_INVALID_PARAMS, every other code → MCU_MBOX_COMMON. */
    CommandFailure asMailboxFailure() {
        var error = completionCode == VdmCompletionCode.INVALID_PARAMETER ? CaliptraError.MCU_MBOX_INVALID_PARAMS
                : CaliptraError.MCU_MBOX_COMMON;
        return CommandFailure.of(error, getMessage() + " (" + completionCode.name() + ")");
    }

    /**
     * A core command the common handler needed failed: CaliptraMailboxBusy when the core mailbox was
     * busy, else GeneralError (the reference's {@code map_mcu_err}).
     */
    static CommonCommandException fromCore(CommandFailure failure) {
        var code = failure.code() == CaliptraError.MCU_MAILBOX_BUSY.code() ? VdmCompletionCode.CALIPTRA_MAILBOX_BUSY
                : VdmCompletionCode.GENERAL_ERROR;
        return new CommonCommandException(code, failure.getMessage());
    }
}
