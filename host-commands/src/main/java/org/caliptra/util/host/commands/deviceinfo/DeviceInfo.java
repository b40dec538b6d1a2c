package org.caliptra.util.host.commands.deviceinfo;

import org.caliptra.util.host.session.CaliptraSession;

/** High-level device-information API (the reference {@code caliptra_cmd_get_device_*} calls). */
public final class DeviceInfo {
    private DeviceInfo() {}

    /** {@code caliptra_cmd_get_device_id}: the device's vendor, device and subsystem ids. */
    public static GetDeviceId.Response getDeviceId(CaliptraSession session) {
        byte[] response = session.execute(GetDeviceId.ID.value(), new GetDeviceId.Request().encode(), GetDeviceId.RESPONSE_SIZE);
        return GetDeviceId.Response.decode(response);
    }
}
