package org.caliptra.util.emulator.mcu;

import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.DeviceIdentity;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceInfo;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceInfoRequest;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.FirmwareVersion;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;

/**
 * The device-information family of MC_* commands: MC_DEVICE_ID (the configured identity),
 * MC_FIRMWARE_VERSION and MC_DEVICE_CAPABILITIES (the common commands, shared with the MCTP-VDM
 * responder), MC_DEVICE_INFO (index 0: the unique chip identifier).
 */
final class DeviceInfoHandlers implements CommandTable.CommandFamily {
    private final DeviceIdentity identity;
    private final DeviceInformation information;
    private final Octets uniqueChipId;

    /**
     * @param uniqueChipId what MC_DEVICE_INFO index 0 answers: the part's UEID, as its fuses give it
     *     (FUSE_IDEVID_CERT_ATTR: the UEID type byte and the 16-byte manufacturer serial number, the
     *     same 17 bytes every certificate of the device carries)
     */
    DeviceInfoHandlers(DeviceIdentity identity, DeviceInformation information, Octets uniqueChipId) {
        this.identity = identity;
        this.information = information;
        this.uniqueChipId = uniqueChipId;
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(McDeviceInfoCommands.MC_DEVICE_ID, (request, requester) -> identity);
        table.add(McDeviceInfoCommands.MC_FIRMWARE_VERSION, (request, requester) -> {
            try {
                return FirmwareVersion.of(information.firmwareVersion(request.index()));
            } catch (CommonCommandException e) {
                throw e.asMailboxFailure();
            }
        });
        table.add(McDeviceInfoCommands.MC_DEVICE_CAPABILITIES, (request, requester) -> {
            try {
                return information.capabilities();
            } catch (CommonCommandException e) {
                throw e.asMailboxFailure();
            }
        });
        table.add(McDeviceInfoCommands.MC_DEVICE_INFO, (request, requester) -> {
            if (request.index() != DeviceInfoRequest.UNIQUE_CHIP_ID) {
                throw CommandFailure.of(MCU_MBOX_INVALID_PARAMS,
                        "MC_DEVICE_INFO index " + Integer.toUnsignedString(request.index()) + " is not 0 (unique chip id)");
            }
            return new DeviceInfo(uniqueChipId);
        });
    }
}
