package org.caliptra.util.cli.booted;

import java.util.Set;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.InfoCommands;
import org.caliptra.util.protocol.core.InfoCommands.FwInfoV1;
import org.caliptra.util.protocol.core.InfoCommands.FwInfoV2;
import picocli.CommandLine.Command;

/** {@code caliptra-util fw-info}: every field of FW_INFO, named as the runtime's response struct names it. */
@Command(name = "fw-info", mixinStandardHelpOptions = true,
        description = {"Boot a device from --fw or --flash and print every field of its FW_INFO response "
                + "(the 1.x or the 2.x layout, as the part's generation answers).",
            "Exit code 0 on success, 1 if the device did not boot or failed the command, 2 for bad input."})
public final class FwInfoCommand extends BootedReportCommand {
    @Override
    FieldReport query(BootedDevice booted) {
        return booted.generation() == Generation.V1 ? v1(booted.call(InfoCommands.FW_INFO_V1, NoFields.INSTANCE))
                : v2(booted.call(InfoCommands.FW_INFO_V2, NoFields.INSTANCE));
    }

    static FieldReport v1(FwInfoV1 i) {
        return new FieldReport(Set.of("pl0_pauser")).u32("pl0_pauser", i.pl0Pauser()).u32("runtime_svn", i.runtimeSvn())
                .u32("min_runtime_svn", i.minRuntimeSvn()).u32("fmc_manifest_svn", i.fmcManifestSvn())
                .u32("attestation_disabled", i.attestationDisabled()).put("rom_revision", i.romRevision())
                .put("fmc_revision", i.fmcRevision()).put("runtime_revision", i.runtimeRevision())
                .put("rom_sha256_digest", i.romSha256()).put("fmc_sha384_digest", i.fmcSha384())
                .put("runtime_sha384_digest", i.runtimeSha384()).put("owner_pub_key_hash", i.ownerPubKeyHash());
    }

    static FieldReport v2(FwInfoV2 i) {
        return new FieldReport(Set.of("pl0_pauser", "most_recent_fw_error")).u32("pl0_pauser", i.pl0Pauser())
                .u32("fw_svn", i.fwSvn()).u32("min_fw_svn", i.minFwSvn()).u32("cold_boot_fw_svn", i.coldBootFwSvn())
                .u32("attestation_disabled", i.attestationDisabled()).put("rom_revision", i.romRevision())
                .put("fmc_revision", i.fmcRevision()).put("runtime_revision", i.runtimeRevision())
                .put("rom_sha256_digest", i.romSha256()).put("fmc_sha384_digest", i.fmcSha384())
                .put("runtime_sha384_digest", i.runtimeSha384()).put("owner_pub_key_hash", i.ownerPubKeyHash())
                .put("authman_sha384_digest", i.authmanSha384()).u32("most_recent_fw_error", i.mostRecentFwError())
                .put("vendor_pub_key_hash", i.vendorPubKeyHash()).u32("image_manifest_pqc_type", i.imageManifestPqcType())
                .u32("vendor_ecc384_pub_key_index", i.vendorEcc384PubKeyIndex())
                .u32("vendor_pqc_pub_key_index", i.vendorPqcPubKeyIndex())
                .u32("soc_manifest_current_svn", i.socManifestCurrentSvn()).u32("soc_manifest_min_svn", i.socManifestMinSvn())
                .u32("owner_auth_manifest_current_svn", i.ownerAuthManifestCurrentSvn())
                .u32("owner_auth_manifest_min_svn", i.ownerAuthManifestMinSvn());
    }
}
