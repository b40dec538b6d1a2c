package org.caliptra.util.cli.device;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.cli.TargetOption;
import org.caliptra.util.cli.target.Targets;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.commands.deviceinfo.GetDeviceId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code caliptra-util get-device-id}: the device's vendor, device and subsystem ids. */
@Command(name = "get-device-id", mixinStandardHelpOptions = true,
        description = "Read the device's vendor, device, subsystem vendor and subsystem ids (MC_DEVICE_ID).")
public final class GetDeviceIdCommand implements Callable<Integer> {
    @Mixin
    TargetOption target;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GetDeviceId.Response response;
        try (var open = Targets.open(target.uri()); var session = open.connect()) {
            response = DeviceInfo.getDeviceId(session);
        }
        var ids = response.identity();
        PrintWriter out = spec.commandLine().getOut();
        if (format.json()) {
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
