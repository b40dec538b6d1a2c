package org.caliptra.util.protocol.mcu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;

/**
 * MC_DEVICE_ID ("MDID", spec/device.md §4.5) as it travels in mailbox SRAM.
 *
 * <pre>
 * request:  chksum u32                                                     (4 bytes)
 * response: chksum u32, fips_status u32, vendor_id u16, device_id u16,
 *           subsystem_vendor_id u16, subsystem_id u16                      (16 bytes)
 * </pre>
 */
public final class McDeviceId {
    public static final int CODE = McCommand.MC_DEVICE_ID.code();
    public static final int REQUEST_SIZE = 4;
    public static final int RESPONSE_SIZE = 16;

    private McDeviceId() {}

    /** The response fields after the checksum. */
    public record Response(int fipsStatus, DeviceIdentity identity) {}

    public static byte[] encodeRequest() {
        return MailboxChecksum.seal(CODE, new byte[0]);
    }

    /** Checks a request as the device receives it: exact size, valid checksum. */
    public static void checkRequest(byte[] payload) {
        if (payload.length != REQUEST_SIZE) {
            throw new ProtocolException("MC_DEVICE_ID request: " + payload.length + " bytes, expected " + REQUEST_SIZE);
        }
        MailboxChecksum.open(CODE, payload, "MC_DEVICE_ID request");
    }

    public static byte[] encodeResponse(Response response) {
        var ids = response.identity();
        byte[] body = ByteBuffer.allocate(RESPONSE_SIZE - MailboxChecksum.SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(response.fipsStatus())
                .putShort((short) ids.vendorId())
                .putShort((short) ids.deviceId())
                .putShort((short) ids.subsystemVendorId())
                .putShort((short) ids.subsystemId())
                .array();
        return MailboxChecksum.seal(0, body);
    }

    public static Response decodeResponse(byte[] payload) {
        if (payload.length != RESPONSE_SIZE) {
            throw new ProtocolException("MC_DEVICE_ID response: " + payload.length + " bytes, expected " + RESPONSE_SIZE);
        }
        var body = ByteBuffer.wrap(MailboxChecksum.open(0, payload, "MC_DEVICE_ID response")).order(ByteOrder.LITTLE_ENDIAN);
        int fips = body.getInt();
        return new Response(fips, new DeviceIdentity(
                Short.toUnsignedInt(body.getShort()), Short.toUnsignedInt(body.getShort()),
                Short.toUnsignedInt(body.getShort()), Short.toUnsignedInt(body.getShort())));
    }
}
