package org.caliptra.util.cli.device;

import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfoCommands.GetFirmwareVersion;
import org.caliptra.util.host.session.CaliptraSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code caliptra-util get-firmware-version}: the version of one firmware. */
@Command(name = "get-firmware-version", mixinStandardHelpOptions = true,
        description = "Read the version of one firmware (GetFirmwareVersion: MC_FIRMWARE_VERSION, VDM 0x01 or the core's "
                + "VERSION): major.minor.patch.build and the commit id.")
public final class GetFirmwareVersionCommand extends DeviceCommand {
    @Option(names = "--index", paramLabel = "WHICH", defaultValue = "core",
            description = "core (0: the Caliptra core firmware), mcu (1: the MCU runtime), soc (2: the SoC firmware set) "
                    + "or a number (default: ${DEFAULT-VALUE}).")
    String index;

    private int value;

    @Override
    protected void prepare() {
        value = switch (index) {
            case "core" -> GetFirmwareVersion.CALIPTRA_CORE;
            case "mcu" -> GetFirmwareVersion.MCU_RUNTIME;
            case "soc" -> GetFirmwareVersion.SOC;
            default -> {
                try {
                    yield U32Converter.parse(index);
                } catch (RuntimeException e) {
                    throw new UsageException("--index '" + index + "': expected core, mcu, soc or a number");
                }
            }
        };
    }

    @Override
    protected int run(CaliptraSession session) {
        var v = DeviceInfo.getFirmwareVersion(session, value);
        return print(new FieldReport().u32("index", value).put("version", v.text()).u32("major", v.major()).u32("minor", v.minor())
                .u32("patch", v.patch()).u32("build", v.build()).put("commit", v.commit()).put("commit_id", v.commitId())
                .u32("fips_status", v.fipsStatus()));
    }
}
