package org.caliptra.util.cli.image;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.caliptra.util.cli.U32Converter;
import org.caliptra.util.cli.UsageException;
import org.caliptra.util.cli.config.DeviceFile;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.Lifecycle;
import picocli.CommandLine.Option;

/**
 * The fuses and lifecycle an image is judged against: from {@code --device FILE}, with any flag
 * overriding the file. Shared by {@code image verify} and {@code boot}.
 */
public final class FuseOptions {
    @Option(names = "--device", paramLabel = "DEVICE.toml", description = "Device file with profile, lifecycle and fuses.")
    Path device;

    @Option(names = "--lifecycle", paramLabel = "STATE", description = "unprovisioned, manufacturing or production (default production).")
    String lifecycle;

    @Option(names = "--vendor-pk-hash", paramLabel = "HEX", description = "Vendor key hash fuse (SHA-384, 96 hex digits).")
    String vendorPkHash;

    @Option(names = "--owner-pk-hash", paramLabel = "HEX", description = "Owner key hash fuse (SHA-384, 96 hex digits; default zero = any owner).")
    String ownerPkHash;

    @Option(names = "--lms-verify", description = "1.x: LMS verification fuse set (ECDSA + LMS).")
    Boolean lmsVerify;

    @Option(names = "--pqc-key-type", paramLabel = "TYPE", description = "2.x PQC key type fuse: lms or mldsa (default mldsa).")
    String pqcKeyType;

    @Option(names = "--ecc-revocation", paramLabel = "N", converter = U32Converter.class, description = "Vendor ECC key revocation bits.")
    Integer eccRevocation;

    @Option(names = "--lms-revocation", paramLabel = "N", converter = U32Converter.class, description = "Vendor LMS key revocation bits.")
    Integer lmsRevocation;

    @Option(names = "--mldsa-revocation", paramLabel = "N", converter = U32Converter.class, description = "Vendor ML-DSA key revocation bits.")
    Integer mldsaRevocation;

    @Option(names = "--fmc-svn", paramLabel = "N", description = "1.x FMC SVN fuse (0..32).")
    Integer fmcSvn;

    @Option(names = "--runtime-svn", paramLabel = "N", description = "Runtime (1.x) / firmware (2.x) SVN fuse (0..128).")
    Integer runtimeSvn;

    @Option(names = "--anti-rollback-disable", description = "Anti-rollback disable fuse set (SVN checks skipped).")
    Boolean antiRollbackDisable;

    /** The parsed device file, read on first use: a command asks for its fuses, profile and generation. */
    private DeviceFile parsedDevice;

    /** The device file, if one was given. */
    public Optional<DeviceFile> file() {
        if (parsedDevice == null && device != null) {
            parsedDevice = DeviceFile.read(device);
        }
        return Optional.ofNullable(parsedDevice);
    }

    /** The {@code --lifecycle} value as given, if it was. */
    public Optional<String> lifecycleOption() {
        return Optional.ofNullable(lifecycle);
    }

    /** The ROM generation the device file's profile implies, if any. */
    public Optional<Generation> generation() {
        return file().flatMap(DeviceFile::generation);
    }

    /**
     * Every fuse a SoC writes for a part of {@code generation}: the options' and device file's
     * fuses, and the device file's UDS seed and field entropy (else the reference hw-model's).
     */
    public org.caliptra.util.soc.fuses.FuseSet fuseSet(Generation generation) {
        return file().map(f -> f.fuseSet(fuses(), generation, device))
                .orElseGet(() -> org.caliptra.util.soc.fuses.FuseSet.of(generation, fuses()));
    }

    public Fuses fuses() {
        var b = file().map(f -> f.fuses().toBuilder()).orElseGet(Fuses::builder);
        if (lifecycle != null) {
            b.lifecycle(Lifecycle.fromName(lifecycle).orElseThrow(() -> new UsageException(
                    "--lifecycle '" + lifecycle + "': expected unprovisioned, manufacturing or production")));
        }
        if (vendorPkHash != null) {
            b.vendorPkHash(hash48("--vendor-pk-hash", vendorPkHash));
        }
        if (ownerPkHash != null) {
            b.ownerPkHash(hash48("--owner-pk-hash", ownerPkHash));
        }
        if (lmsVerify != null) {
            b.lmsVerify(lmsVerify);
        }
        if (pqcKeyType != null) {
            b.pqcKeyType(DeviceFile.pqcType(pqcKeyType).orElseThrow(() -> new UsageException(
                    "--pqc-key-type '" + pqcKeyType + "': expected lms or mldsa")));
        }
        if (eccRevocation != null) {
            b.eccRevocation(fourBits("--ecc-revocation", eccRevocation));
        }
        if (lmsRevocation != null) {
            b.lmsRevocation(lmsRevocation);
        }
        if (mldsaRevocation != null) {
            b.mldsaRevocation(fourBits("--mldsa-revocation", mldsaRevocation));
        }
        if (fmcSvn != null) {
            if (fmcSvn < 0 || fmcSvn > 32) {
                throw new UsageException("--fmc-svn " + fmcSvn + ": the FMC SVN fuse holds 0..32");
            }
            b.fmcSvn(fmcSvn);
        }
        if (runtimeSvn != null) {
            if (runtimeSvn < 0 || runtimeSvn > 128) {
                throw new UsageException("--runtime-svn " + runtimeSvn + ": the SVN fuse holds 0..128");
            }
            b.runtimeSvn(runtimeSvn);
        }
        if (antiRollbackDisable != null) {
            b.antiRollbackDisable(antiRollbackDisable);
        }
        return b.build();
    }

    /** ECC and ML-DSA revocation fuses have one bit per vendor key slot: four. */
    private static int fourBits(String option, int value) {
        if ((value >>> 4) != 0) {
            throw new UsageException(String.format("%s 0x%X: the fuse has 4 bits (one per vendor key slot)", option, value));
        }
        return value;
    }

    static Octets hash48(String option, String hex) {
        String digits = hex.trim();
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                // The position, not the character: the value may hold anything, a line break included.
                throw new UsageException(option + ": character " + (i + 1) + " is not a hex digit; a SHA-384 hash is 96 hex digits");
            }
        }
        if (digits.length() != 96) {
            throw new UsageException(option + ": " + digits.length() + " hex digits, a SHA-384 hash is 96");
        }
        return Octets.of(HexFormat.of().parseHex(digits));
    }
}
