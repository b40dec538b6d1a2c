package org.caliptra.util.protocol.mcu;

/**
 * The PCI-style identifiers that MC_DEVICE_ID reports: each a u16.
 */
public record DeviceIdentity(int vendorId, int deviceId, int subsystemVendorId, int subsystemId) {
    public DeviceIdentity {
        check("vendor_id", vendorId);
        check("device_id", deviceId);
        check("subsystem_vendor_id", subsystemVendorId);
        check("subsystem_id", subsystemId);
    }

    private static void check(String field, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " must fit in 16 bits (0..0xFFFF), got " + value);
        }
    }

    @Override
    public String toString() {
        return String.format("DeviceIdentity[vendor_id=0x%04X, device_id=0x%04X, subsystem_vendor_id=0x%04X, subsystem_id=0x%04X]",
                vendorId, deviceId, subsystemVendorId, subsystemId);
    }
}
