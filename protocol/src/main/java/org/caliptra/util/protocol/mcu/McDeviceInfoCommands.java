package org.caliptra.util.protocol.mcu;

import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.NoFields;

/** The device-information MC_* commands (spec/device.md §4.5). */
public final class McDeviceInfoCommands {
    private McDeviceInfoCommands() {}

    /** MC_DEVICE_ID ("MDID"): no request fields; the PCI-style ids, four u16. */
    public static final CommandCodec<NoFields, DeviceIdentity> MC_DEVICE_ID = CommandCodec.of(McCommand.MC_DEVICE_ID,
            NoFields.CODEC, Codec.fixed(8,
                    (v, out) -> out.u16(v.vendorId()).u16(v.deviceId()).u16(v.subsystemVendorId()).u16(v.subsystemId()),
                    in -> new DeviceIdentity(in.u16("vendor_id"), in.u16("device_id"), in.u16("subsystem_vendor_id"),
                            in.u16("subsystem_id"))));
}
