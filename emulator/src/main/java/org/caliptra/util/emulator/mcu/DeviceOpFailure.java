package org.caliptra.util.emulator.mcu;

import org.caliptra.util.protocol.mctp.VdmCompletionCode;

/**
 * A device operation (a fuse policy or DOT step) refused with the completion code the reference's
 * device_ops.rs returns; the mailbox layer decides which MCU error that becomes, an SPDM/VDM
 * transport would send the code itself.
 */
final class DeviceOpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final VdmCompletionCode code;

    DeviceOpFailure(VdmCompletionCode code, String detail) {
        super(VdmCompletionCode.describe(code.value()) + ": " + detail, null, false, false);
        this.code = code;
    }

    VdmCompletionCode code() {
        return code;
    }
}
