package org.caliptra.util.cli.booted;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.caliptra.util.protocol.dpe.DpeProfileCommands.Profile;
import picocli.CommandLine.Command;

/** {@code caliptra-util dpe get-profile}: DPE's GET_PROFILE, every field. */
@Command(name = "get-profile", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print its DPE profile (GET_PROFILE): the DPE version, "
                + "the vendor id and SKU (also as the four characters they spell, CTRA), the most TCI nodes and the support flags.",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class DpeGetProfileCommand extends BootedReportCommand {
    @Override
    FieldReport query(BootedDevice booted) {
        return report(booted.dpe().getProfile());
    }

    static FieldReport report(Profile p) {
        return new FieldReport(Set.of("vendor_id", "vendor_sku", "flags")).u32("major_version", p.majorVersion())
                .u32("minor_version", p.minorVersion()).u32("vendor_id", p.vendorId()).put("vendor", fourCc(p.vendorId()))
                .u32("vendor_sku", p.vendorSku()).put("sku", fourCc(p.vendorSku())).u32("max_tci_nodes", p.maxTciNodes())
                .u32("flags", p.flags());
    }

    /** A u32 as the four characters it spells read big-endian ("CTRA" for 0x43545241), dots for the unprintable. */
    static String fourCc(int value) {
        byte[] b = ByteBuffer.allocate(4).putInt(value).array();
        for (int i = 0; i < 4; i++) {
            if (b[i] < 0x20 || b[i] > 0x7E) {
                b[i] = '.';
            }
        }
        return new String(b, StandardCharsets.US_ASCII);
    }
}
