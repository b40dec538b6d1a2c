package org.caliptra.util.protocol.regs;

import java.util.List;
import java.util.Optional;
import org.caliptra.util.protocol.Generation;

/**
 * Where each fuse register lives in {@code soc_ifc} for a Caliptra generation (spec/device.md
 * §1.5). Offsets are from {@link SocIfcRegs#BASE}.
 */
public final class FuseRegisters {
    /** One fuse register: {@code words} consecutive 32-bit words; a write-only one reads 0. */
    public record Fuse(Name name, int offset, int words, boolean writeOnly) {
        public boolean contains(int off) {
            return off >= offset && off < offset + 4 * words;
        }

        /** Offset of word {@code i}. */
        public int word(int i) {
            if (i < 0 || i >= words) {
                throw new IndexOutOfBoundsException(name + " has " + words + " words, not " + (i + 1));
            }
            return offset + 4 * i;
        }
    }

    /** The fuse registers; each generation has a subset. */
    public enum Name {
        FUSE_UDS_SEED,
        FUSE_FIELD_ENTROPY,
        /** 1.x FUSE_KEY_MANIFEST_PK_HASH, 2.x FUSE_VENDOR_PK_HASH. */
        FUSE_VENDOR_PK_HASH,
        /** 1.x FUSE_KEY_MANIFEST_PK_HASH_MASK, 2.x FUSE_ECC_REVOCATION. */
        FUSE_ECC_REVOCATION,
        /** 1.x only; 2.x keeps the owner hash in CPTRA_OWNER_PK_HASH. */
        FUSE_OWNER_PK_HASH,
        FUSE_FMC_KEY_MANIFEST_SVN,
        FUSE_RUNTIME_SVN,
        FUSE_ANTI_ROLLBACK_DISABLE,
        FUSE_IDEVID_CERT_ATTR,
        FUSE_IDEVID_MANUF_HSM_ID,
        /** 1.x only. */
        FUSE_LIFE_CYCLE,
        /** 1.x only. */
        FUSE_LMS_VERIFY,
        FUSE_LMS_REVOCATION,
        /** 2.x only. */
        FUSE_MLDSA_REVOCATION,
        FUSE_SOC_STEPPING_ID,
        /** 2.x only. */
        FUSE_MANUF_DBG_UNLOCK_TOKEN,
        /** 2.x only. */
        FUSE_PQC_KEY_TYPE,
        /** 2.x only. */
        FUSE_SOC_MANIFEST_SVN,
        /** 2.x only. */
        FUSE_SOC_MANIFEST_MAX_SVN,
        /** 2.x only. */
        FUSE_HEK_SEED
    }

    private static final List<Fuse> V1 = List.of(
            new Fuse(Name.FUSE_UDS_SEED, 0x200, 12, true),
            new Fuse(Name.FUSE_FIELD_ENTROPY, 0x230, 8, true),
            new Fuse(Name.FUSE_VENDOR_PK_HASH, 0x250, 12, false),
            new Fuse(Name.FUSE_ECC_REVOCATION, 0x280, 1, false),
            new Fuse(Name.FUSE_OWNER_PK_HASH, 0x284, 12, false),
            new Fuse(Name.FUSE_FMC_KEY_MANIFEST_SVN, 0x2B4, 1, false),
            new Fuse(Name.FUSE_RUNTIME_SVN, 0x2B8, 4, false),
            new Fuse(Name.FUSE_ANTI_ROLLBACK_DISABLE, 0x2C8, 1, false),
            new Fuse(Name.FUSE_IDEVID_CERT_ATTR, 0x2CC, 24, false),
            new Fuse(Name.FUSE_IDEVID_MANUF_HSM_ID, 0x32C, 4, false),
            new Fuse(Name.FUSE_LIFE_CYCLE, 0x33C, 1, false),
            new Fuse(Name.FUSE_LMS_VERIFY, 0x340, 1, false),
            new Fuse(Name.FUSE_LMS_REVOCATION, 0x344, 1, false),
            new Fuse(Name.FUSE_SOC_STEPPING_ID, 0x348, 1, false));

    private static final List<Fuse> V2 = List.of(
            new Fuse(Name.FUSE_UDS_SEED, 0x200, 16, true),
            new Fuse(Name.FUSE_FIELD_ENTROPY, 0x240, 8, true),
            new Fuse(Name.FUSE_VENDOR_PK_HASH, 0x260, 12, false),
            new Fuse(Name.FUSE_ECC_REVOCATION, 0x290, 1, false),
            new Fuse(Name.FUSE_FMC_KEY_MANIFEST_SVN, 0x2B4, 1, false),
            new Fuse(Name.FUSE_RUNTIME_SVN, 0x2B8, 4, false),
            new Fuse(Name.FUSE_ANTI_ROLLBACK_DISABLE, 0x2C8, 1, false),
            new Fuse(Name.FUSE_IDEVID_CERT_ATTR, 0x2CC, 24, false),
            new Fuse(Name.FUSE_IDEVID_MANUF_HSM_ID, 0x32C, 4, false),
            new Fuse(Name.FUSE_LMS_REVOCATION, 0x340, 1, false),
            new Fuse(Name.FUSE_MLDSA_REVOCATION, 0x344, 1, false),
            new Fuse(Name.FUSE_SOC_STEPPING_ID, 0x348, 1, false),
            new Fuse(Name.FUSE_MANUF_DBG_UNLOCK_TOKEN, 0x34C, 16, false),
            new Fuse(Name.FUSE_PQC_KEY_TYPE, 0x38C, 1, false),
            new Fuse(Name.FUSE_SOC_MANIFEST_SVN, 0x390, 4, false),
            new Fuse(Name.FUSE_SOC_MANIFEST_MAX_SVN, 0x3A0, 1, false),
            new Fuse(Name.FUSE_HEK_SEED, 0x3C0, 8, false));

    private FuseRegisters() {}

    public static List<Fuse> of(Generation generation) {
        return generation == Generation.V1 ? V1 : V2;
    }

    /** The fuse register holding {@code offset}, if any. */
    public static Optional<Fuse> at(Generation generation, int offset) {
        for (Fuse f : of(generation)) {
            if (f.contains(offset)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The register {@code name} in {@code generation}, if that generation has it. */
    public static Optional<Fuse> find(Generation generation, Name name) {
        for (Fuse f : of(generation)) {
            if (f.name() == name) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The register {@code name}, which {@code generation} must have. */
    public static Fuse get(Generation generation, Name name) {
        return find(generation, name).orElseThrow(() -> new IllegalArgumentException(
                "Caliptra " + (generation == Generation.V1 ? "1.x" : "2.x") + " has no " + name));
    }

    /** The register's name as {@code generation}'s documentation spells it. */
    public static String registerName(Generation generation, Name name) {
        if (generation == Generation.V1 && name == Name.FUSE_VENDOR_PK_HASH) {
            return "FUSE_KEY_MANIFEST_PK_HASH";
        }
        if (generation == Generation.V1 && name == Name.FUSE_ECC_REVOCATION) {
            return "FUSE_KEY_MANIFEST_PK_HASH_MASK";
        }
        return name.name();
    }
}
