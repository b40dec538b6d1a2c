package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;

/** The device-information family of MC_* commands: MC_DEVICE_ID answers the configured identity. */
final class DeviceInfoHandlers implements CommandTable.CommandFamily {
    private final DeviceIdentity identity;

    DeviceInfoHandlers(DeviceIdentity identity) {
        this.identity = identity;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(McDeviceInfoCommands.MC_DEVICE_ID, (request, requester) -> identity);
    }
}
