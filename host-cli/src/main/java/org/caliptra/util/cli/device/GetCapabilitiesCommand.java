package org.caliptra.util.cli.device;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.caliptra.util.cli.booted.CapabilitiesCommand;
import org.caliptra.util.cli.booted.FieldReport;
import org.caliptra.util.host.commands.deviceinfo.DeviceInfo;
import org.caliptra.util.host.session.CaliptraSession;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.AuthorizedSubcommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.CapabilityFlag;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.DeviceCapabilities;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.ExternalCommand;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.McuRomCapability;
import org.caliptra.util.protocol.mcu.McDeviceInfoCommands.McuRuntimeCapability;
import picocli.CommandLine.Command;

/** {@code caliptra-util get-capabilities}: the 36 capability bytes, decoded. */
@Command(name = "get-capabilities", mixinStandardHelpOptions = true,
        description = {"Read the device's capabilities (GetDeviceCapabilities: MC_DEVICE_CAPABILITIES, VDM 0x02 or the core's "
                + "CAPABILITIES) and decode them: the Caliptra core's capability bits by name, the MCU ROM and runtime bits, "
                + "the external commands and the authorized subcommands the device serves.",
            "Words are printed as hex in text and as numbers in JSON; a bit without a name is shown as 'bit N'."})
public final class GetCapabilitiesCommand extends DeviceCommand {
    static final Set<String> WORDS = Set.of("caliptra_rt", "caliptra_fmc", "caliptra_rom", "mcu_rom", "mcu_rt", "external_commands",
            "authorized_subcommands");

    @Override
    protected int run(CaliptraSession session) {
        var answer = DeviceInfo.getDeviceCapabilities(session);
        DeviceCapabilities caps = answer.capabilities();
        var report = new FieldReport(WORDS).put("caps", caps.caps())
                .put("core_capabilities", CapabilitiesCommand.names(caps.coreCapabilities()))
                .put("caliptra_rt", new BigInteger(Long.toUnsignedString(caps.caliptraRt())))
                .u32("caliptra_fmc", caps.caliptraFmc()).u32("caliptra_rom", caps.caliptraRom())
                .u32("mcu_rom", caps.mcuRom()).put("mcu_rom_capabilities", names(caps.mcuRom(), McuRomCapability.values()))
                .u32("mcu_rt", caps.mcuRt()).put("mcu_rt_capabilities", names(caps.mcuRt(), McuRuntimeCapability.values()))
                .u32("external_commands", caps.externalCommands())
                .put("external_command_names", names(caps.externalCommands(), ExternalCommand.values()))
                .u32("authorized_subcommands", caps.authorizedSubcommands())
                .put("authorized_subcommand_names", names(caps.authorizedSubcommands(), AuthorizedSubcommand.values()))
                .u32("fips_status", answer.fipsStatus());
        return print(report);
    }

    /** The names of the bits set in {@code word}, in bit order; "bit N" for a bit no flag names. */
    static <F extends Enum<F> & CapabilityFlag> List<String> names(int word, F[] flags) {
        var names = new ArrayList<String>();
        for (int bit = 0; bit < 32; bit++) {
            if ((word & (1 << bit)) == 0) {
                continue;
            }
            String name = "bit " + bit;
            for (F flag : flags) {
                if (flag.bit() == bit) {
                    name = flag.name();
                }
            }
            names.add(name);
        }
        return names;
    }
}
