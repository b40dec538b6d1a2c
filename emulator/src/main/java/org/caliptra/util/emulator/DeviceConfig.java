package org.caliptra.util.emulator;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.mcu.DeviceIdentity;

/**
 * Everything that makes one emulated device different from another. Immutable; build with
 * {@link #builder()}.
 *
 * <p>The fuses are the part's fuse values, but the device does not burn them into its own
 * registers: a SoC writes them (as libcaliptra or {@code soc-driver}'s BootFlow does) before
 * CPTRA_FUSE_WR_DONE. They are carried here so one description of a part feeds both.
 *
 * @param lifecycle CPTRA_SECURITY_STATE[1:0]
 * @param debugLocked CPTRA_SECURITY_STATE[2]; boot status milestones reach the register only when unlocked
 * @param identity what MC_DEVICE_ID reports (caliptra-2.1)
 * @param mciBase SoC bus address of the MCI block (MCU mailbox 0 at {@code mciBase + 0x40_0000})
 * @param romVersion CPTRA_FW_REV_ID[0][15:0] (default: the profile's reference ROM); the FMC's and the runtime's versions are the loaded
 *     manifest's, written as the ROM and FMC hand over
 * @param fuses the part's fuses, of the profile's generation
 * @param obfuscationKey the silicon's 32-byte DOE obfuscation key (cptra_obf_key), which the ROM uses
 *     to deobfuscate the UDS seed and field entropy; a secret, never printed
 * @param csrHmacKey the 2.x silicon's 64-byte key for the MAC of the IDevID CSR envelope; a
 *     secret, never printed (1.x has no envelope and ignores it)
 * @param trngSeed the 48-byte seed of the emulated TRNG (an HMAC-DRBG): two devices with the same
 *     configuration draw the same "random" context handles, CMK keys and nonces, so DPE and CM
 *     results reproduce; a secret (it predicts every per-boot key), never printed
 * @param mcuRuntimeVersion what the MCU reports as its runtime's version (MC_FIRMWARE_VERSION index
 *     1), packed as the reference MCU packs it: major [31:24], minor [23:16], patch [15:0]
 * @param socFirmwareVersion the integrator's aggregate SoC firmware-set version (index 2), packed the
 *     same way; empty — the default, as in the reference MCU — makes index 2 UnsupportedOperation
 * @param mcuAxiUser the AXI USER the MCU presents to the Caliptra core mailbox when it relays a
 *     command (caliptra-2.1)
 * @param fuseStore caliptra-2.1: the file that holds the subsystem's OTP fuses and DOT blob across
 *     devices and processes (docs/emulator.md, "Subsystem fuses"); absent, they live as long as the
 *     device. A new file starts from {@code fuses}
 * @param authorizationPkHash caliptra-2.1: SHA-384(ecc_pub_x ‖ ecc_pub_y ‖ mldsa_pub) of the key
 *     pair that signs authorized MC_* commands (fuse provisioning, DOT lock/disable/rotate/backup);
 *     the reference MCU builds it into its firmware (auth_keys.rs AUTH_PK_HASH)
 */
public record DeviceConfig(Profile profile, Lifecycle lifecycle, boolean debugLocked, DeviceIdentity identity, int mciBase,
        int romVersion, FuseSet fuses, Octets obfuscationKey, Octets csrHmacKey, Octets trngSeed, int mcuRuntimeVersion,
        OptionalInt socFirmwareVersion, int mcuAxiUser, Optional<Path> fuseStore, Octets authorizationPkHash) {
    /** The emulator's own identifiers; a real part reports its PCI-style ids from its straps. */
    public static final DeviceIdentity DEFAULT_IDENTITY = new DeviceIdentity(0xCA11, 0x0021, 0xCA11, 0x0001);
    /** Where the reference MCU emulator maps MCI. */
    public static final int DEFAULT_MCI_BASE = 0x2100_0000;
    /** The reference hw-model's DEFAULT_CPTRA_OBF_KEY (eight big-endian words). */
    public static final Octets DEFAULT_OBFUSCATION_KEY =
            Octets.fromHex("a0a1a2a3b0b1b2b3c0c1c2c3d0d1d2d3e0e1e2e3f0f1f2f3a4a5a6a7b4b5b6b7");
    /** The reference hw-model's DEFAULT_CSR_HMAC_KEY (sixteen big-endian words). */
    public static final Octets DEFAULT_CSR_HMAC_KEY = Octets.fromHex("014552ad1955075750c602dd85de4e9b815cc9ef0ba81a35"
            + "7a05d7c07f5efaebf76dd9d29e38197f0405253725b568f4432665f1d11d02a7bfb9279fa2eb96d7");
    /** The emulator's own TRNG seed: SHA-384("caliptra-util emulated TRNG"). */
    public static final Octets DEFAULT_TRNG_SEED = Octets.fromHex(
            "a88122198e26dbd5d00465437b6427c2a89002a997f88a1652bb718dea92a7bd4d3bef5f850203df568310dc834d065e");
    /** caliptra-mcu-sw common/config version.rs: MCU runtime 2.0.0. */
    public static final int DEFAULT_MCU_RUNTIME_VERSION = packVersion(2, 0, 0);
    /**
     * The MCU's AXI USER: 1, the pl0_pauser of the reference image tooling's defaults
     * (caliptra-mcu-sw builder/test_data/default_image_options.toml). In a subsystem the MCU is the
     * PL0 agent — it sets the auth manifest, a PL0-only command — so its USER is the manifest's PL0.
     */
    public static final int DEFAULT_MCU_AXI_USER = 1;
    /**
     * The reference MCU's authorization anchor: the hash of its test key pair (ECC scalar and ML-DSA
     * seed of caliptra-util-host/apps/spdm/test-config.toml), so the reference validators' signed
     * commands are accepted by a default device.
     */
    public static final Octets DEFAULT_AUTHORIZATION_PK_HASH = Octets.fromHex(
            "2904416ef2713140d4a2211448a3a842737bf18c6f843f565b5ce535ea69ef2a8cc114b1beb2e65f5f0f354b309bed17");

    public DeviceConfig {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(fuses, "fuses");
        Objects.requireNonNull(obfuscationKey, "obfuscationKey");
        if (obfuscationKey.length() != 32) {
            throw new IllegalArgumentException("obfuscation_key is 32 bytes, got " + obfuscationKey.length());
        }
        Objects.requireNonNull(csrHmacKey, "csrHmacKey");
        if (csrHmacKey.length() != 64) {
            throw new IllegalArgumentException("csr_hmac_key is 64 bytes, got " + csrHmacKey.length());
        }
        Objects.requireNonNull(trngSeed, "trngSeed");
        if (trngSeed.length() != 48) {
            throw new IllegalArgumentException("trng_seed is 48 bytes, got " + trngSeed.length());
        }
        if (fuses.generation() != profile.generation()) {
            throw new IllegalArgumentException("fuses of Caliptra " + fuses.generation().label() + " for a "
                    + profile.id() + " device");
        }
        Objects.requireNonNull(fuseStore, "fuseStore");
        Objects.requireNonNull(authorizationPkHash, "authorizationPkHash");
        if (fuseStore.isPresent() && !profile.subsystemMode()) {
            throw new IllegalArgumentException("a fuse store holds subsystem (MCU) fuses; " + profile.id() + " has no subsystem");
        }
        if (authorizationPkHash.length() != 48) {
            throw new IllegalArgumentException("authorization_pk_hash is 48 bytes (SHA-384), got " + authorizationPkHash.length());
        }
        if ((mciBase & 0x00FF_FFFF) != 0) {
            throw new IllegalArgumentException(String.format("mci_base 0x%08X must be 16 MiB aligned", mciBase));
        }
        if (romVersion < 0 || romVersion > 0xFFFF) {
            throw new IllegalArgumentException("the ROM version is 16 bits");
        }
        Objects.requireNonNull(socFirmwareVersion, "socFirmwareVersion");
    }

    /** A version as the MCU packs it: major [31:24], minor [23:16], patch [15:0]. */
    public static int packVersion(int major, int minor, int patch) {
        if (major < 0 || major > 0xFF || minor < 0 || minor > 0xFF || patch < 0 || patch > 0xFFFF) {
            throw new IllegalArgumentException(String.format(
                    "version %d.%d.%d does not pack: major and minor are 8 bits, patch 16", major, minor, patch));
        }
        return major << 24 | minor << 16 | patch;
    }

    public static DeviceConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        var b = new Builder().profile(profile).lifecycle(lifecycle).debugLocked(debugLocked).identity(identity).mciBase(mciBase)
                .fuses(fuses).obfuscationKey(obfuscationKey)
                .csrHmacKey(csrHmacKey).trngSeed(trngSeed).mcuRuntimeVersion(mcuRuntimeVersion).mcuAxiUser(mcuAxiUser)
                .authorizationPkHash(authorizationPkHash);
        socFirmwareVersion.ifPresent(b::socFirmwareVersion);
        fuseStore.ifPresent(b::fuseStore);
        // A ROM version set on purpose stays; the profile's default follows a change of profile.
        if (romVersion != profile.romVersion()) {
            b.romVersion(romVersion);
        }
        return b;
    }

    /** Every field but the obfuscation and CSR keys and the TRNG seed, which are device secrets. */
    @Override
    public String toString() {
        return "DeviceConfig[profile=" + profile.id() + ", lifecycle=" + lifecycle + ", debugLocked=" + debugLocked
                + ", identity=" + identity + String.format(", mciBase=0x%08X, romVersion=0x%04X, ", mciBase, romVersion) + "fuses=" + fuses
                + String.format(", mcuRuntimeVersion=0x%08X, socFirmwareVersion=%s, mcuAxiUser=0x%08X", mcuRuntimeVersion,
                        socFirmwareVersion.isPresent() ? String.format("0x%08X", socFirmwareVersion.getAsInt()) : "none", mcuAxiUser)
                + fuseStore.map(p -> ", fuseStore=" + p).orElse("") + ", authorizationPkHash=" + authorizationPkHash.hex() + "]";
    }

    /** CPTRA_SECURITY_STATE: [1:0] lifecycle, [2] debug_locked. */
    public int securityState() {
        return SocIfcRegs.securityState(lifecycle, debugLocked);
    }

    public static final class Builder {
        private Profile profile = Profile.CALIPTRA_2_1;
        private Lifecycle lifecycle = Lifecycle.UNPROVISIONED;
        private boolean debugLocked;
        private DeviceIdentity identity = DEFAULT_IDENTITY;
        private int mciBase = DEFAULT_MCI_BASE;
        private Integer romVersion;
        private FuseSet fuses;
        private Octets obfuscationKey = DEFAULT_OBFUSCATION_KEY;
        private Octets csrHmacKey = DEFAULT_CSR_HMAC_KEY;
        private Octets trngSeed = DEFAULT_TRNG_SEED;
        private int mcuRuntimeVersion = DEFAULT_MCU_RUNTIME_VERSION;
        private OptionalInt socFirmwareVersion = OptionalInt.empty();
        private int mcuAxiUser = DEFAULT_MCU_AXI_USER;
        private Path fuseStore;
        private Octets authorizationPkHash = DEFAULT_AUTHORIZATION_PK_HASH;

        private Builder() {}

        public Builder profile(Profile v) { profile = v; return this; }
        public Builder lifecycle(Lifecycle v) { lifecycle = v; return this; }
        public Builder debugLocked(boolean v) { debugLocked = v; return this; }
        public Builder identity(DeviceIdentity v) { identity = v; return this; }
        public Builder mciBase(int v) { mciBase = v; return this; }
        public Builder romVersion(int v) { romVersion = v; return this; }
        /** Default: {@link FuseSet#defaults} for the profile's generation. */
        public Builder fuses(FuseSet v) { fuses = v; return this; }
        /** Default: {@link #DEFAULT_OBFUSCATION_KEY}. */
        public Builder obfuscationKey(Octets v) { obfuscationKey = v; return this; }
        /** Default: {@link #DEFAULT_CSR_HMAC_KEY}. */
        public Builder csrHmacKey(Octets v) { csrHmacKey = v; return this; }
        /** Default: {@link #DEFAULT_TRNG_SEED}. */
        public Builder trngSeed(Octets v) { trngSeed = v; return this; }
        /** Packed as {@link #packVersion}; default {@link #DEFAULT_MCU_RUNTIME_VERSION}. */
        public Builder mcuRuntimeVersion(int packed) { mcuRuntimeVersion = packed; return this; }
        /** Packed as {@link #packVersion}; default: none. */
        public Builder socFirmwareVersion(int packed) { socFirmwareVersion = OptionalInt.of(packed); return this; }
        /** Default {@link #DEFAULT_MCU_AXI_USER}. */
        public Builder mcuAxiUser(int v) { mcuAxiUser = v; return this; }
        /** Default: none (the subsystem's fuses live as long as the device). */
        public Builder fuseStore(Path v) { fuseStore = Objects.requireNonNull(v, "fuseStore"); return this; }
        /** Default: {@link #DEFAULT_AUTHORIZATION_PK_HASH}. */
        public Builder authorizationPkHash(Octets v) { authorizationPkHash = v; return this; }

        public DeviceConfig build() {
            return new DeviceConfig(profile, lifecycle, debugLocked, identity, mciBase,
                    romVersion != null ? romVersion : profile.romVersion(),
                    fuses != null ? fuses : FuseSet.defaults(profile.generation()), obfuscationKey, csrHmacKey, trngSeed,
                    mcuRuntimeVersion, socFirmwareVersion, mcuAxiUser, Optional.ofNullable(fuseStore), authorizationPkHash);
        }
    }
}
