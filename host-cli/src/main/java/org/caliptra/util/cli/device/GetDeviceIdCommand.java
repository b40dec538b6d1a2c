package org.caliptra.util.cli.device;

import java.io.PrintWriter;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;

/** {@code caliptra-util get-device-id}: the device's vendor, device and subsystem ids. */
@Command(name = "get-device-id", mixinStandardHelpOptions = true,
        description = "Read the device's vendor, device, subsystem vendor and subsystem ids (MC_DEVICE_ID).")
public final class GetDeviceIdCommand extends DeviceCommand {
    /** The MCU answers from its configuration: the embedded device need not boot. */
    @Override
    protected boolean needsBoot() {
        return false;
    }

    @Override
    protected int run(CaliptraSession session) {
        var ids = DeviceInfo.getDeviceId(session).identity();
        PrintWriter out = out();
        if (device.json()) {
            OutputFormat.writeJson(out, json -> {
                json.writeStartObject();
                json.writeNumberField("vendor_id", ids.vendorId());
                json.writeNumberField("device_id", ids.deviceId());
                json.writeNumberField("subsystem_vendor_id", ids.subsystemVendorId());
                json.writeNumberField("subsystem_id", ids.subsystemId());
                json.writeEndObject();
            });
        } else {
            out.printf("vendor_id:           0x%04X%n", ids.vendorId());
            out.printf("device_id:           0x%04X%n", ids.deviceId());
            out.printf("subsystem_vendor_id: 0x%04X%n", ids.subsystemVendorId());
            out.printf("subsystem_id:        0x%04X%n", ids.subsystemId());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
