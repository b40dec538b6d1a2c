package org.caliptra.util.emulator.soc;

import java.util.List;
import org.caliptra.util.protocol.Generation;

/**
 * Where each fuse register lives in soc_ifc for a Caliptra generation (spec/device.md §1.5).
 *
 * @param writeOnly reads return 0 (the seeds)
 */
public record FuseMap(List<Fuse> fuses) {
    public record Fuse(String name, int offset, int words, boolean writeOnly) {
        boolean contains(int off) {
            return off >= offset && off < offset + 4 * words;
        }
    }

    public static final FuseMap V1 = new FuseMap(List.of(
            new Fuse("FUSE_UDS_SEED", 0x200, 12, true),
            new Fuse("FUSE_FIELD_ENTROPY", 0x230, 8, true),
            new Fuse("FUSE_KEY_MANIFEST_PK_HASH", 0x250, 12, false),
            new Fuse("FUSE_KEY_MANIFEST_PK_HASH_MASK", 0x280, 1, false),
            new Fuse("FUSE_OWNER_PK_HASH", 0x284, 12, false),
            new Fuse("FUSE_FMC_KEY_MANIFEST_SVN", 0x2B4, 1, false),
            new Fuse("FUSE_RUNTIME_SVN", 0x2B8, 4, false),
            new Fuse("FUSE_ANTI_ROLLBACK_DISABLE", 0x2C8, 1, false),
            new Fuse("FUSE_IDEVID_CERT_ATTR", 0x2CC, 24, false),
            new Fuse("FUSE_IDEVID_MANUF_HSM_ID", 0x32C, 4, false),
            new Fuse("FUSE_LIFE_CYCLE", 0x33C, 1, false),
            new Fuse("FUSE_LMS_VERIFY", 0x340, 1, false),
            new Fuse("FUSE_LMS_REVOCATION", 0x344, 1, false),
            new Fuse("FUSE_SOC_STEPPING_ID", 0x348, 1, false)));

    public static final FuseMap V2 = new FuseMap(List.of(
            new Fuse("FUSE_UDS_SEED", 0x200, 16, true),
            new Fuse("FUSE_FIELD_ENTROPY", 0x240, 8, true),
            new Fuse("FUSE_VENDOR_PK_HASH", 0x260, 12, false),
            new Fuse("FUSE_ECC_REVOCATION", 0x290, 1, false),
            new Fuse("FUSE_FMC_KEY_MANIFEST_SVN", 0x2B4, 1, false),
            new Fuse("FUSE_RUNTIME_SVN", 0x2B8, 4, false),
            new Fuse("FUSE_ANTI_ROLLBACK_DISABLE", 0x2C8, 1, false),
            new Fuse("FUSE_IDEVID_CERT_ATTR", 0x2CC, 24, false),
            new Fuse("FUSE_IDEVID_MANUF_HSM_ID", 0x32C, 4, false),
            new Fuse("FUSE_LMS_REVOCATION", 0x340, 1, false),
            new Fuse("FUSE_MLDSA_REVOCATION", 0x344, 1, false),
            new Fuse("FUSE_SOC_STEPPING_ID", 0x348, 1, false),
            new Fuse("FUSE_MANUF_DBG_UNLOCK_TOKEN", 0x34C, 16, false),
            new Fuse("FUSE_PQC_KEY_TYPE", 0x38C, 1, false),
            new Fuse("FUSE_SOC_MANIFEST_SVN", 0x390, 4, false),
            new Fuse("FUSE_SOC_MANIFEST_MAX_SVN", 0x3A0, 1, false),
            new Fuse("FUSE_HEK_SEED", 0x3C0, 8, false)));

    public static FuseMap of(Generation generation) {
        return generation == Generation.V1 ? V1 : V2;
    }

    public Fuse find(int offset) {
        for (Fuse f : fuses) {
            if (f.contains(offset)) {
                return f;
            }
        }
        return null;
    }

    public Fuse byName(String name) {
        for (Fuse f : fuses) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no fuse " + name);
    }
}
