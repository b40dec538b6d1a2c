package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_COMMON;
import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.mcu.fuse.OtpException;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;

/**
 * How the MCU runtime turns what its lower layers refuse into a mailbox failure, as the reference's
 * cmd_interface.rs does: an OTP refusal the driver calls "invalid" is INVALID_PARAMS, any other is
 * MCU_MBOX_COMMON; a device operation's completion code is INVALID_PARAMS where the handler uses
 * map_common_cmd_error and the code is InvalidParameter, MCU_MBOX_COMMON otherwise.
 */
final class McuFailures {
    private McuFailures() {}

    static CommandFailure fromOtp(OtpException e) {
        return CommandFailure.of(e.invalidParameter() ? MCU_MBOX_INVALID_PARAMS : MCU_MBOX_COMMON, e.getMessage());
    }

    /** A device operation refused with {@code code}, through map_common_cmd_error. */
    static CommandFailure mapped(DeviceOpFailure e) {
        return CommandFailure.of(e.code() == VdmCompletionCode.INVALID_PARAMETER ? MCU_MBOX_INVALID_PARAMS : MCU_MBOX_COMMON,
                e.getMessage());
    }

    /** A device operation refused with any code, through the handlers that map every error to MCU_MBOX_COMMON. */
    static CommandFailure common(DeviceOpFailure e) {
        return CommandFailure.of(MCU_MBOX_COMMON, e.getMessage());
    }
}
