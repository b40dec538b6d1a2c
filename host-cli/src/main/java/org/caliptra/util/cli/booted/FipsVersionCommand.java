package org.caliptra.util.cli.booted;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.InfoCommands.FipsVersion;
import picocli.CommandLine.Command;

/** {@code caliptra-util fips-version}: the VERSION (FIPS_VERSION) response. */
@Command(name = "fips-version", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its FIPS version (VERSION): the mode, the three "
                + "fips_rev words (CPTRA_HW_REV_ID; ROM [15:0] and FMC [31:16]; runtime), the ROM version they encode and the module name.",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class FipsVersionCommand extends BootedReportCommand {
    @Override
    FieldReport query(BootedDevice booted) {
        return report(booted.call(InfoCommands.VERSION, NoFields.INSTANCE));
    }

    static FieldReport report(FipsVersion v) {
        var r = new FieldReport(Set.of("mode", "fips_rev"));
        r.u32("mode", v.mode());
        String ascii = new String(ByteBuffer.allocate(4).putInt(v.mode()).array(), StandardCharsets.US_ASCII);
        if (ascii.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            r.put("mode_ascii", ascii);
        }
        int rom = v.romVersion();
        return r.put("fips_rev", List.of(Integer.toUnsignedLong(v.hwRevId()), Integer.toUnsignedLong(v.romFmcRevision()),
                        Integer.toUnsignedLong(v.runtimeRevision())))
                // The ROM's version word is (major << 11) | (minor << 6) | patch.
                .put("rom_version", (rom >>> 11) + "." + ((rom >>> 6) & 0x1F) + "." + (rom & 0x3F))
                .put("fmc_version", String.format("0x%04X", v.fmcVersion())).put("name", v.name());
    }
}
