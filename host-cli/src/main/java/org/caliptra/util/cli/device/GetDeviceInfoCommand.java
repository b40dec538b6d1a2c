package org.caliptra.util.cli.device;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util get-device-info}: device information by index (MC_DEVICE_INFO). */
@Command(name = "get-device-info", mixinStandardHelpOptions = true,
        description = "Read device information by index (GetDeviceInfo, MC_DEVICE_INFO); index 0 is the unique chip id "
                + "(the UEID of the device's certificates).")
public final class GetDeviceInfoCommand extends DeviceCommand {
    @Option(names = "--index", paramLabel = "N", defaultValue = "0", converter = U32Converter.class,
            description = "Which information (default ${DEFAULT-VALUE}: the unique chip id).")
    int index;

    @Override
    protected int run(CaliptraSession session) {
        var info = DeviceInfo.getDeviceInfo(session, index);
        return print(new FieldReport().u32("index", index).put("data", info.data()).u32("fips_status", info.fipsStatus()));
    }
}
