package org.caliptra.util.host.commands.deviceinfo;

import org.caliptra.util.host.commands.Commands;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.Capabilities;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.DeviceInfoData;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.FirmwareVersion;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetDeviceCapabilities;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetDeviceInfo;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetFirmwareVersion;
import org.caliptra.util.host.session.CaliptraSession;

/** High-level device-information API (the reference {@code caliptra_cmd_get_*} calls of device_info). */
public final class DeviceInfo {
    private DeviceInfo() {}

    /** {@code caliptra_cmd_get_device_id}: the device's vendor, device and subsystem ids. */
    public static GetDeviceId.Response getDeviceId(CaliptraSession session) {
        return Commands.execute(session, new GetDeviceId());
    }

    /** {@code caliptra_cmd_get_firmware_version}: {@link GetFirmwareVersion#CALIPTRA_CORE}, {@link GetFirmwareVersion#MCU_RUNTIME}, … */
    public static FirmwareVersion getFirmwareVersion(CaliptraSession session, int index) {
        return Commands.execute(session, new GetFirmwareVersion(index));
    }

    /** {@code caliptra_cmd_get_device_capabilities}. */
    public static Capabilities getDeviceCapabilities(CaliptraSession session) {
        return Commands.execute(session, new GetDeviceCapabilities());
    }

    /** Device information by index (MC_DEVICE_INFO); {@link GetDeviceInfo#UNIQUE_CHIP_ID} is the chip's unique id. */
    public static DeviceInfoData getDeviceInfo(CaliptraSession session, int index) {
        return Commands.execute(session, new GetDeviceInfo(index));
    }
}
