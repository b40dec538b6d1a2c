package org.caliptra.util.host.commands.deviceinfo;

import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.mcu.DeviceIdentity;

/**
 * GetDeviceId (0x0003): no request fields; the response is the device's PCI-style identifiers
 * (MC_DEVICE_ID of the older MCU mailbox revision). Its own file, unlike the rest of the family,
 * because callers outside this module name {@code GetDeviceId.Response}.
 *
 * <pre>
 * internal request:  (empty)
 * internal response: fips_status u32, vendor_id u16, device_id u16,
 *                    subsystem_vendor_id u16, subsystem_id u16            (12 bytes, LE)
 * </pre>
 */
public record GetDeviceId() implements DeviceInfoCommands.DeviceInfoCommand<GetDeviceId.Response> {
    public static final CommandId ID = CommandId.GET_DEVICE_ID;
    public static final int REQUEST_SIZE = 0;
    public static final int RESPONSE_SIZE = 12;

    public static final CommandType<GetDeviceId, Response> TYPE = CommandType.of(ID, GetDeviceId.class, true,
            "PCI-style vendor, device, subsystem vendor and subsystem ids",
            Codec.fixed(REQUEST_SIZE, (v, out) -> { }, in -> new GetDeviceId()),
            Codec.fixed(RESPONSE_SIZE, (v, out) -> out.u32(v.fipsStatus()).u16(v.identity().vendorId()).u16(v.identity().deviceId())
                    .u16(v.identity().subsystemVendorId()).u16(v.identity().subsystemId()),
                    in -> new Response(in.u32("fips_status"), new DeviceIdentity(in.u16("vendor_id"), in.u16("device_id"),
                            in.u16("subsystem_vendor_id"), in.u16("subsystem_id")))),
            GetDeviceId::new);

    @Override
    public CommandType<GetDeviceId, Response> type() {
        return TYPE;
    }

    public record Response(int fipsStatus, DeviceIdentity identity) {
        public Response {
            InternalFields.present("GetDeviceId", "identity", identity);
        }

        public byte[] encode() {
            return TYPE.encodeResponse(this);
        }

        public static Response decode(byte[] bytes) {
            return TYPE.decodeResponse(bytes);
        }
    }
}
