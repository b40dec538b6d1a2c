package org.caliptra.util.emulator.mcu;

import java.util.Map;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mcu.McDeviceId;

/** The device-information family of MC_* commands. */
final class DeviceInfoHandlers {
    private DeviceInfoHandlers() {}

    static Map<Integer, McCommandHandler> create(DeviceIdentity identity) {
        byte[] deviceIdBody = stripChecksum(McDeviceId.encodeResponse(new McDeviceId.Response(0, identity)));
        return Map.of(McDeviceId.CODE, request -> {
            if (request.length != McDeviceId.REQUEST_SIZE - MailboxChecksum.SIZE) {
                throw new McCommandFailure(CaliptraError.RUNTIME_MAILBOX_INVALID_PARAMS.code(),
                        "MC_DEVICE_ID takes no fields, got " + request.length + " bytes after the checksum");
            }
            return deviceIdBody.clone();
        });
    }

    private static byte[] stripChecksum(byte[] sealed) {
        return java.util.Arrays.copyOfRange(sealed, MailboxChecksum.SIZE, sealed.length);
    }
}
