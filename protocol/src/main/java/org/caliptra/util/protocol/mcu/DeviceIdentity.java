package org.caliptra.util.protocol.mcu;

import org.caliptra.util.protocol.codec.Fields;

/**
 * The PCI-style identifiers that MC_DEVICE_ID reports: each a u16.
 */
public record DeviceIdentity(int vendorId, int deviceId, int subsystemVendorId, int subsystemId) {
    public DeviceIdentity {
        Fields.u16("vendor_id", vendorId);
        Fields.u16("device_id", deviceId);
        Fields.u16("subsystem_vendor_id", subsystemVendorId);
        Fields.u16("subsystem_id", subsystemId);
    }

    @Override
    public String toString() {
        return String.format("DeviceIdentity[vendor_id=0x%04X, device_id=0x%04X, subsystem_vendor_id=0x%04X, subsystem_id=0x%04X]",
                vendorId, deviceId, subsystemVendorId, subsystemId);
    }
}
