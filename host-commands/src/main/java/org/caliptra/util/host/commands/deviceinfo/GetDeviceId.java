package org.caliptra.util.host.commands.deviceinfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mcu.DeviceIdentity;

/**
 * GetDeviceId (internal id 0x0003): no request fields; the response is the device's PCI-style
 * identifiers.
 *
 * <pre>
 * internal request:  (empty)
 * internal response: fips_status u32, vendor_id u16, device_id u16,
 *                    subsystem_vendor_id u16, subsystem_id u16            (12 bytes, LE)
 * </pre>
 */
public final class GetDeviceId {
    public static final CommandId ID = CommandId.GET_DEVICE_ID;
    public static final int REQUEST_SIZE = 0;
    public static final int RESPONSE_SIZE = 12;

    private GetDeviceId() {}

    /** GetDeviceId takes no parameters. */
    public record Request() {
        public byte[] encode() {
            return new byte[REQUEST_SIZE];
        }
    }

    public record Response(int fipsStatus, DeviceIdentity identity) {
        public byte[] encode() {
            return ByteBuffer.allocate(RESPONSE_SIZE).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(fipsStatus)
                    .putShort((short) identity.vendorId())
                    .putShort((short) identity.deviceId())
                    .putShort((short) identity.subsystemVendorId())
                    .putShort((short) identity.subsystemId())
                    .array();
        }

        public static Response decode(byte[] bytes) {
            if (bytes.length != RESPONSE_SIZE) {
                throw new ProtocolException("GetDeviceId response: " + bytes.length + " bytes, expected " + RESPONSE_SIZE);
            }
            var b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int fips = b.getInt();
            return new Response(fips, new DeviceIdentity(Short.toUnsignedInt(b.getShort()),
                    Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort()), Short.toUnsignedInt(b.getShort())));
        }
    }
}
