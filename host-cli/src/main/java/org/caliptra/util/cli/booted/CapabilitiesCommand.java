package org.caliptra.util.cli.booted;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import org.caliptra.util.cli.ExitCodes;
import org.caliptra.util.cli.OutputFormat;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.InfoCommands.Capabilities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code caliptra-util capabilities}: CAPABILITIES' u128, and the name of every bit set. */
@Command(name = "capabilities", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its CAPABILITIES: the 128 bits as hex "
                + "(bytes 0-7 runtime, 8-11 FMC, 12-15 ROM) and the name of each bit set (RT_BASE, ROM_BASE, ...).",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class CapabilitiesCommand implements Callable<Integer> {
    /** The bits the runtime defines, by bit number of the u128. */
    static final Map<Integer, String> NAMES = Map.of(Capabilities.ROM_BASE, "ROM_BASE", Capabilities.ROM_OCP_LOCK, "ROM_OCP_LOCK",
            Capabilities.ROM_STABLE_OWNER_KEY, "ROM_STABLE_OWNER_KEY", Capabilities.RT_BASE, "RT_BASE",
            Capabilities.RT_OCP_LOCK, "RT_OCP_LOCK");

    @Mixin
    BootedDeviceOptions device;

    @Mixin
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Capabilities caps;
        try (var booted = device.boot()) {
            caps = booted.call(InfoCommands.CAPABILITIES, NoFields.INSTANCE);
        }
        report(caps).print(spec.commandLine().getOut(), format.json());
        return ExitCodes.OK;
    }

    static FieldReport report(Capabilities caps) {
        var set = new ArrayList<String>();
        for (int bit = 0; bit < 128; bit++) {
            if (caps.has(bit)) {
                set.add(NAMES.getOrDefault(bit, "bit " + bit));
            }
        }
        return new FieldReport().put("capabilities", caps.bits()).put("set", set);
    }
}
