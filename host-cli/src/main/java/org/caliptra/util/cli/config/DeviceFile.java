package org.caliptra.util.cli.config;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.image.bundle.PqcKeyType;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.tomlj.TomlTable;

/**
 * A device description file (TOML): the profile, lifecycle and fuses of one part. Documented in
 * docs/cli.md ("Device files").
 */
public record DeviceFile(Optional<String> profile, Fuses fuses, Optional<Boolean> debugLocked,
        Optional<org.caliptra.util.protocol.mcu.DeviceIdentity> identity, Optional<Integer> romVersion, Optional<Secrets> secrets,
        Optional<Path> fuseStore, Mcu mcu, Soc soc) {
    static final List<String> TOP = List.of("profile", "lifecycle", "debug_locked", "fuses", "identity", "versions", "secrets",
            "fuse_store", "mcu", "soc");
    static final List<String> SOC = List.of("debug_intent", "debug_unlock_request");

    /**
     * What the SoC around an embedded caliptra-2.1 asserts once it has booted it: the debug intent
     * strap (SS_DEBUG_INTENT[0]) and a debug unlock request (SS_DBG_SERVICE_REG_REQ: [0]
     * manufacturing, [1] production), which production debug unlock needs.
     */
    public record Soc(boolean debugIntent, Optional<String> debugUnlockRequest) {
        static final Soc NONE = new Soc(false, Optional.empty());
    }
    static final List<String> MCU = List.of("authorization_pk_hash", "runtime_version", "soc_firmware_version");

    /**
     * The caliptra-2.1 subsystem MCU's settings, each optional (absent: the emulator's default): the
     * hash of the key pair that signs authorized commands (SHA-384 of x ‖ y ‖ ML-DSA public key), the
     * version MC_FIRMWARE_VERSION reports for the MCU runtime (index 1) and for the SoC firmware set
     * (index 2), each "major.minor.patch".
     */
    public record Mcu(Optional<Octets> authorizationPkHash, Optional<Integer> runtimeVersion, Optional<Integer> socFirmwareVersion) {
        static final Mcu NONE = new Mcu(Optional.empty(), Optional.empty(), Optional.empty());

        boolean isEmpty() {
            return authorizationPkHash.isEmpty() && runtimeVersion.isEmpty() && socFirmwareVersion.isEmpty();
        }
    }
    static final List<String> IDENTITY = List.of("vendor_id", "device_id", "subsystem_vendor_id", "subsystem_id");
    static final List<String> VERSIONS = List.of("rom");
    static final List<String> SECRETS = List.of("uds_seed", "field_entropy", "obfuscation_key", "csr_hmac_key");

    /**
     * The part's secrets, each optional (absent: the reference hw-model's default): the UDS seed and
     * field entropy fuses as obfuscated, the silicon's DOE obfuscation key and 2.x CSR HMAC key.
     * Never printed.
     */
    public record Secrets(Optional<Octets> udsSeed, Optional<Octets> fieldEntropy, Optional<Octets> obfuscationKey,
            Optional<Octets> csrHmacKey) {
        @Override
        public String toString() {
            return "Secrets[…]";
        }
    }
    static final List<String> FUSES = List.of("vendor_pk_hash", "owner_pk_hash", "ecc_revocation", "lms_revocation",
            "mldsa_revocation", "lms_verify", "pqc_key_type", "fmc_svn", "runtime_svn", "anti_rollback_disable");
    static final List<String> PROFILES = List.of("caliptra-1.2", "caliptra-2.0", "caliptra-2.1");

    public static DeviceFile read(Path path) {
        var toml = TomlFile.read(path);
        TomlTable root = toml.root();
        toml.rejectUnknownKeys(root, "the top level", TOP);
        var profile = toml.string(root, "profile", "the top level");
        profile.ifPresent(p -> {
            if (!PROFILES.contains(p)) {
                throw toml.error("the top level", "profile", "is '" + p + "', expected one of " + PROFILES
                        + TomlFile.hint(p, PROFILES));
            }
        });
        var b = Fuses.builder();
        toml.string(root, "lifecycle", "the top level").ifPresent(l -> b.lifecycle(Lifecycle.fromName(l).orElseThrow(
                () -> toml.error("the top level", "lifecycle", "is '" + l + "', expected unprovisioned, manufacturing or production"))));
        var fusesTable = toml.table(root, "fuses", "the top level");
        if (fusesTable.isPresent()) {
            TomlTable f = fusesTable.get();
            String where = "[fuses]";
            toml.rejectUnknownKeys(f, where, FUSES);
            toml.string(f, "vendor_pk_hash", where).ifPresent(h -> b.vendorPkHash(hash48(toml, where, "vendor_pk_hash", h)));
            toml.string(f, "owner_pk_hash", where).ifPresent(h -> b.ownerPkHash(hash48(toml, where, "owner_pk_hash", h)));
            toml.u32(f, "ecc_revocation", where).ifPresent(v -> b.eccRevocation(fourBits(toml, where, "ecc_revocation", v)));
            toml.u32(f, "lms_revocation", where).ifPresent(b::lmsRevocation);
            toml.u32(f, "mldsa_revocation", where).ifPresent(v -> b.mldsaRevocation(fourBits(toml, where, "mldsa_revocation", v)));
            toml.bool(f, "lms_verify", where).ifPresent(b::lmsVerify);
            toml.string(f, "pqc_key_type", where).ifPresent(t -> b.pqcKeyType(pqcType(t).orElseThrow(
                    () -> toml.error(where, "pqc_key_type", "is '" + t + "', expected lms or mldsa"))));
            toml.u32(f, "fmc_svn", where).ifPresent(v -> b.fmcSvn(svn(toml, where, "fmc_svn", v, 32)));
            toml.u32(f, "runtime_svn", where).ifPresent(v -> b.runtimeSvn(svn(toml, where, "runtime_svn", v, 128)));
            toml.bool(f, "anti_rollback_disable", where).ifPresent(b::antiRollbackDisable);
        }
        var debug = toml.bool(root, "debug_locked", "the top level");
        var identity = toml.table(root, "identity", "the top level").map(t -> {
            toml.rejectUnknownKeys(t, "[identity]", IDENTITY);
            int[] ids = new int[4];
            for (int i = 0; i < 4; i++) {
                String key = IDENTITY.get(i);
                int v = toml.u32(t, key, "[identity]").orElse(i == 0 || i == 2 ? 0xCA11 : i == 1 ? 0x0021 : 1);
                if (Integer.toUnsignedLong(v) > 0xFFFF) {
                    throw toml.error("[identity]", key, "must fit in 16 bits, found " + Integer.toUnsignedLong(v));
                }
                ids[i] = v;
            }
            return new org.caliptra.util.protocol.mcu.DeviceIdentity(ids[0], ids[1], ids[2], ids[3]);
        });
        var romVersion = toml.table(root, "versions", "the top level").flatMap(t -> {
            // The FMC's and runtime's versions are the loaded manifest's: nothing a device file sets.
            for (String moved : List.of("fmc", "runtime")) {
                if (t.contains(moved)) {
                    throw toml.error("[versions]", moved, "is no longer a device setting: CPTRA_FW_REV_ID reports the "
                            + "loaded manifest's FMC and runtime versions, as the ROM writes them; remove the key");
                }
            }
            toml.rejectUnknownKeys(t, "[versions]", VERSIONS);
            return Optional.ofNullable(u16(toml, t, "rom"));
        });
        var secrets = toml.table(root, "secrets", "the top level").map(t -> {
            toml.rejectUnknownKeys(t, "[secrets]", SECRETS);
            if (!debug.orElse(false) && !t.isEmpty() && !(t.keySet().size() == 1 && t.contains("csr_hmac_key"))) {
                // The DOE of a debug-unlocked part sees all-ones in place of the key and both fuses.
                throw toml.error("[secrets]", t.keySet().stream().filter(k -> !k.equals("csr_hmac_key")).sorted().findFirst()
                        .orElseThrow(), "has no effect on a debug-unlocked part, whose DOE sees all-ones instead; set "
                        + "debug_locked = true");
            }
            return new Secrets(secret(toml, t, "uds_seed"), secret(toml, t, "field_entropy"), secret(toml, t, "obfuscation_key"),
                    secret(toml, t, "csr_hmac_key"));
        });
        var fuseStore = toml.fileName(root, "fuse_store", "the top level").map(name -> {
            Path store = Path.of(name);
            // Relative to the device file, so a device file and its fuse store travel together.
            Path dir = path.toAbsolutePath().getParent();
            return store.isAbsolute() || dir == null ? store : dir.resolve(store);
        });
        var mcu = toml.table(root, "mcu", "the top level").map(t -> {
            toml.rejectUnknownKeys(t, "[mcu]", MCU);
            var hash = toml.string(t, "authorization_pk_hash", "[mcu]").map(h -> hash48(toml, "[mcu]", "authorization_pk_hash", h));
            return new Mcu(hash, toml.string(t, "runtime_version", "[mcu]").map(v -> version(toml, "runtime_version", v)),
                    toml.string(t, "soc_firmware_version", "[mcu]").map(v -> version(toml, "soc_firmware_version", v)));
        }).orElse(Mcu.NONE);
        var soc = toml.table(root, "soc", "the top level").map(t -> {
            toml.rejectUnknownKeys(t, "[soc]", SOC);
            var request = toml.string(t, "debug_unlock_request", "[soc]");
            request.ifPresent(r -> {
                if (!r.equals("production") && !r.equals("manufacturing")) {
                    throw toml.error("[soc]", "debug_unlock_request", "is " + org.caliptra.util.protocol.Text.quote(r)
                            + ", expected production or manufacturing");
                }
            });
            return new Soc(toml.bool(t, "debug_intent", "[soc]").orElse(false), request);
        }).orElse(Soc.NONE);
        boolean subsystem = profile.map("caliptra-2.1"::equals).orElse(true);
        if (!subsystem && fuseStore.isPresent()) {
            throw toml.error("the top level", "fuse_store", "needs the caliptra-2.1 profile: only its subsystem MCU has fuses of its own");
        }
        if (!subsystem && !mcu.isEmpty()) {
            throw toml.error("the top level", "mcu", "needs the caliptra-2.1 profile: " + profile.orElseThrow() + " has no MCU");
        }
        if (!subsystem && !soc.equals(Soc.NONE)) {
            throw toml.error("the top level", "soc", "needs the caliptra-2.1 profile: its debug unlock registers are the subsystem's");
        }
        return new DeviceFile(profile, b.build(), debug, identity, romVersion, secrets, fuseStore, mcu, soc);
    }

    /** "major.minor.patch" packed as the MCU packs it: major [31:24], minor [23:16], patch [15:0]. */
    private static int version(TomlFile toml, String key, String text) {
        var m = java.util.regex.Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,5})").matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 255 || Integer.parseInt(m.group(2)) > 255
                || Integer.parseInt(m.group(3)) > 0xFFFF) {
            throw toml.error("[mcu]", key, "is " + org.caliptra.util.protocol.Text.quote(text)
                    + ", expected major.minor.patch (each 0..255, patch 0..65535)");
        }
        return org.caliptra.util.emulator.DeviceConfig.packVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    /** The emulated device this file describes; {@code fallback} when it names no profile. */
    public org.caliptra.util.emulator.DeviceConfig deviceConfig(org.caliptra.util.emulator.Profile fallback) {
        var p = profile.flatMap(org.caliptra.util.emulator.Profile::fromId).orElse(fallback);
        var b = org.caliptra.util.emulator.DeviceConfig.builder().profile(p).lifecycle(fuses.lifecycle())
                .debugLocked(debugLocked.orElse(false));
        identity.ifPresent(b::identity);
        romVersion.ifPresent(b::romVersion);
        secrets.flatMap(Secrets::obfuscationKey).ifPresent(b::obfuscationKey);
        secrets.flatMap(Secrets::csrHmacKey).ifPresent(b::csrHmacKey);
        if (p.subsystemMode()) {
            fuseStore.ifPresent(b::fuseStore);
            mcu.authorizationPkHash().ifPresent(b::authorizationPkHash);
            mcu.runtimeVersion().ifPresent(b::mcuRuntimeVersion);
            mcu.socFirmwareVersion().ifPresent(b::socFirmwareVersion);
        }
        return b.build();
    }

    /**
     * Every fuse a SoC writes for a part of {@code generation}: {@code fuses} (this file's, or the
     * command line's over them) and this file's UDS seed and field entropy (else the reference
     * hw-model's).
     */
    public org.caliptra.util.soc.fuses.FuseSet fuseSet(Fuses fuses, Generation generation, Path file) {
        var b = org.caliptra.util.soc.fuses.FuseSet.of(generation, fuses).toBuilder();
        secrets.ifPresent(s -> {
            s.udsSeed().ifPresent(uds -> {
                int size = generation == Generation.V1 ? 48 : 64;
                if (uds.length() != size) {
                    throw new org.caliptra.util.cli.UsageException(file + ": [secrets] uds_seed is " + uds.length()
                            + " bytes; a Caliptra " + generation.label() + " part's is " + size);
                }
                b.udsSeed(uds);
            });
            s.fieldEntropy().ifPresent(b::fieldEntropy);
        });
        return b.build();
    }

    public Optional<Generation> generation() {
        return profile.map(p -> p.equals("caliptra-1.2") ? Generation.V1 : Generation.V2);
    }

    public static Optional<PqcKeyType> pqcType(String name) {
        return switch (name) {
            case "lms" -> Optional.of(PqcKeyType.LMS);
            case "mldsa", "ml-dsa" -> Optional.of(PqcKeyType.MLDSA);
            default -> Optional.empty();
        };
    }

    /** ECC and ML-DSA revocation fuses have one bit per vendor key slot: four. */
    private static int fourBits(TomlFile toml, String where, String key, int value) {
        if ((value >>> 4) != 0) {
            throw toml.error(where, key, String.format("is 0x%X, but the fuse has 4 bits (one per vendor key slot)", value));
        }
        return value;
    }

    /** The key sizes: a secret of any other size is an error naming the key and the size it needs. */
    private static final java.util.Map<String, Integer> SECRET_SIZES =
            java.util.Map.of("field_entropy", 32, "obfuscation_key", 32, "csr_hmac_key", 64);

    /** A secret's hex digits; the value itself never appears in an error. */
    private static Optional<Octets> secret(TomlFile toml, TomlTable t, String key) {
        return toml.secretString(t, key, "[secrets]").map(hex -> {
            String digits = hex.replace(" ", "").replace(":", "");
            if (!digits.matches("([0-9a-fA-F]{2})+")) {
                throw toml.error("[secrets]", key, "is not hex digits");
            }
            var value = Octets.fromHex(digits);
            Integer size = SECRET_SIZES.get(key);
            boolean ok = size != null ? value.length() == size : value.length() == 48 || value.length() == 64;
            if (!ok) {
                throw toml.error("[secrets]", key, "is " + value.length() + " bytes, expected "
                        + (size != null ? size : "48 (1.x) or 64 (2.x)"));
            }
            return value;
        });
    }

    /** The ROM version is the low 16 bits of CPTRA_FW_REV_ID[0]. */
    private static Integer u16(TomlFile toml, TomlTable t, String key) {
        return toml.u32(t, key, "[versions]").map(v -> {
            if (Integer.toUnsignedLong(v) > 0xFFFF) {
                throw toml.error("[versions]", key, "must fit in 16 bits, found " + Integer.toUnsignedLong(v));
            }
            return v;
        }).orElse(null);
    }

    /** SVN fuses are unsigned: a u32 such as 4294967295 arrives here as a negative int and must not pass as small. */
    private static int svn(TomlFile toml, String where, String key, int value, int max) {
        if (Integer.toUnsignedLong(value) > max) {
            throw toml.error(where, key, "is " + Integer.toUnsignedLong(value) + ", at most " + max);
        }
        return value;
    }

    private static Octets hash48(TomlFile toml, String where, String key, String hex) {
        String digits = hex.replace(" ", "").replace(":", "");
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                // The position, not the character: the value may hold anything, a line break included.
                throw toml.error(where, key, "is not hex: character " + (i + 1) + " (spaces and colons aside) is not a hex digit");
            }
        }
        if (digits.length() != 96) {
            throw toml.error(where, key, "holds " + digits.length() + " hex digits, a SHA-384 hash is 96");
        }
        return Octets.of(HexFormat.of().parseHex(digits));
    }
}
