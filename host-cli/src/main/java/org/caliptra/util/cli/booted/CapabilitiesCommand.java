package org.caliptra.util.cli.booted;

import java.util.ArrayList;
import java.util.Map;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.InfoCommands.Capabilities;
import picocli.CommandLine.Command;

/** {@code caliptra-util capabilities}: CAPABILITIES' u128, and the name of every bit set. */
@Command(name = "capabilities", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its CAPABILITIES: the 128 bits as hex "
                + "(bytes 0-7 runtime, 8-11 FMC, 12-15 ROM) and the name of each bit set (RT_BASE, ROM_BASE, ...).",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class CapabilitiesCommand extends BootedReportCommand {
    /** The bits the runtime defines, by bit number of the u128. */
    static final Map<Integer, String> NAMES = Map.of(Capabilities.ROM_BASE, "ROM_BASE", Capabilities.ROM_OCP_LOCK, "ROM_OCP_LOCK",
            Capabilities.ROM_STABLE_OWNER_KEY, "ROM_STABLE_OWNER_KEY", Capabilities.RT_BASE, "RT_BASE",
            Capabilities.RT_OCP_LOCK, "RT_OCP_LOCK");

    @Override
    FieldReport query(BootedDevice booted) {
        return report(booted.call(InfoCommands.CAPABILITIES, NoFields.INSTANCE));
    }

    static FieldReport report(Capabilities caps) {
        return new FieldReport().put("capabilities", caps.bits()).put("set", names(caps));
    }

    /** The name of every bit set, in bit order ("bit N" for one the runtime does not define). */
    public static java.util.List<String> names(Capabilities caps) {
        var set = new ArrayList<String>();
        for (int bit = 0; bit < 128; bit++) {
            if (caps.has(bit)) {
                set.add(NAMES.getOrDefault(bit, "bit " + bit));
            }
        }
        return set;
    }
}
