package org.caliptra.util.emulator.mcu.fuse;

import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.LIFE_CYCLE;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.SECRET_LC_TRANSITION;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.SECRET_MANUF;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.SVN;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.SW_MANUF;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.SW_TEST_UNLOCK;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.VENDOR_HASHES_MANUF;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.VENDOR_HASHES_PROD;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.VENDOR_NON_SECRET_PROD;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.VENDOR_REVOCATIONS_PROD;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.VENDOR_SECRET_PROD;
import static org.caliptra.util.emulator.mcu.fuse.OtpPartition.VENDOR_TEST;

import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.emulator.mcu.fuse.FuseLayout.LinearOr;
import org.caliptra.util.emulator.mcu.fuse.FuseLayout.OneHot;
import org.caliptra.util.emulator.mcu.fuse.FuseLayout.OneHotLinearOr;
import org.caliptra.util.emulator.mcu.fuse.FuseLayout.Single;

/**
 * The reference MCU's fuse map (caliptra-mcu-sw registers/generated-firmware/src/fuse_map.md and
 * fuses.rs): every OTP item of every partition, and the vendor-specific fields that the MCU
 * firmware carves out of them (DOT state, recovery key hash, vendor PK hash validity, key
 * revocations, PQC key types). Layouts are the ones the reference's runtime writes with.
 */
public final class FuseMap {
    /** Vendor PK hash slots (the reference's MAX_NUM_VENDOR_PK_HASH). */
    public static final int VENDOR_PK_HASH_SLOTS = 16;
    /** Production debug-unlock levels, one PK hash each. */
    public static final int PROD_DEBUG_UNLOCK_LEVELS = 8;
    public static final int HASH_BYTES = 48;
    /** Field entropy partitions: SECRET_PROD_0..3. */
    public static final int FIELD_ENTROPY_PARTITIONS = 4;

    public static final FuseEntry MANUF_DEBUG_UNLOCK_TOKEN = FuseEntry.bytes("CPTRA_SS_MANUF_DEBUG_UNLOCK_TOKEN", SW_TEST_UNLOCK, 0x000, 64);
    public static final FuseEntry UDS_SEED = FuseEntry.bytes("CPTRA_CORE_UDS_SEED", SECRET_MANUF, 0x048, 64);
    public static final FuseEntry ANTI_ROLLBACK_DISABLE = FuseEntry.value("CPTRA_CORE_ANTI_ROLLBACK_DISABLE", SW_MANUF, 0x0D0, 4,
            new Single(1));
    public static final FuseEntry IDEVID_CERT_ATTR = FuseEntry.bytes("CPTRA_CORE_IDEVID_CERT_IDEVID_ATTR", SW_MANUF, 0x0D4, 96);
    public static final FuseEntry SOC_SPECIFIC_IDEVID_CERTIFICATE = FuseEntry.bytes("SOC_SPECIFIC_IDEVID_CERTIFICATE", SW_MANUF, 0x134, 4);
    public static final FuseEntry IDEVID_MANUF_HSM_ID = FuseEntry.bytes("CPTRA_CORE_IDEVID_MANUF_HSM_IDENTIFIER", SW_MANUF, 0x138, 16);
    public static final FuseEntry SOC_STEPPING_ID = FuseEntry.value("CPTRA_CORE_SOC_STEPPING_ID", SW_MANUF, 0x148, 4, new Single(16));
    public static final FuseEntry FMC_KEY_MANIFEST_SVN = FuseEntry.value("CPTRA_CORE_FMC_KEY_MANIFEST_SVN", SVN, 0x390, 4, new OneHot(32));
    /** A 128-bit thermometer, written whole by MC_FUSE_INCREASE_CALIPTRA_MIN_SVN. */
    public static final FuseEntry RUNTIME_SVN = FuseEntry.bytes("CPTRA_CORE_RUNTIME_SVN", SVN, 0x394, 16);
    public static final FuseEntry SOC_MANIFEST_SVN = FuseEntry.bytes("CPTRA_CORE_SOC_MANIFEST_SVN", SVN, 0x3A4, 16);
    public static final FuseEntry SOC_MANIFEST_MAX_SVN = FuseEntry.value("CPTRA_CORE_SOC_MANIFEST_MAX_SVN", SVN, 0x3B4, 4, new Single(8));
    public static final FuseEntry VENDOR_TEST_ITEM = FuseEntry.bytes("VENDOR_TEST", VENDOR_TEST, 0x3B8, 56);
    public static final FuseEntry OWNER_PK_HASH = FuseEntry.bytes("CPTRA_SS_OWNER_PK_HASH", VENDOR_HASHES_PROD, 0x438, 48);
    public static final FuseEntry OWNER_PQC_KEY_TYPE = FuseEntry.value("CPTRA_SS_OWNER_PQC_KEY_TYPE", VENDOR_HASHES_PROD, 0x468, 4,
            new Single(1));
    /** Bit 0 is the commit marker MC_PROVISION_OWNER_PK_HASH burns after the hash verifies. */
    public static final FuseEntry OWNER_PK_HASH_VALID = FuseEntry.value("CPTRA_SS_OWNER_PK_HASH_VALID", VENDOR_HASHES_PROD, 0x46C, 4,
            new Single(1));
    /** Unburnt bit n: slot n valid; burnt: revoked. */
    public static final FuseEntry VENDOR_PK_HASH_VALID = FuseEntry.value("CPTRA_CORE_VENDOR_PK_HASH_VALID", VENDOR_HASHES_PROD, 0x77C, 16,
            new LinearOr(16, 3));
    public static final FuseEntry OWNER_ECC_REVOCATION = FuseEntry.value("CPTRA_SS_OWNER_ECC_REVOCATION", VENDOR_REVOCATIONS_PROD, 0x798,
            4, new LinearOr(1, 3));
    public static final FuseEntry OWNER_LMS_REVOCATION = FuseEntry.value("CPTRA_SS_OWNER_LMS_REVOCATION", VENDOR_REVOCATIONS_PROD, 0x79C,
            4, new LinearOr(1, 3));
    public static final FuseEntry OWNER_MLDSA_REVOCATION = FuseEntry.value("CPTRA_SS_OWNER_MLDSA_REVOCATION", VENDOR_REVOCATIONS_PROD,
            0x7A0, 4, new LinearOr(1, 3));
    public static final FuseEntry LC_TRANSITION_CNT = FuseEntry.bytes("LC_TRANSITION_CNT", LIFE_CYCLE, 0xC80, 48);
    public static final FuseEntry LC_STATE = FuseEntry.bytes("LC_STATE", LIFE_CYCLE, 0xCB0, 40);

    // Vendor-specific fields (fuse_map.md "Vendor-Specific Fields").
    public static final FuseEntry DOT_INITIALIZED = FuseEntry.value("dot_initialized", VENDOR_NON_SECRET_PROD, 0xA78, 4,
            new LinearOr(1, 3));
    /** 256 bits, one per DOT transition: the count of burnt bits is the DOT state. */
    public static final FuseEntry DOT_FUSE_ARRAY = FuseEntry.bytes("dot_fuse_array", VENDOR_TEST, 0x3B8, 32);
    public static final FuseEntry MCU_COMPONENT_SVN_MANIFEST_MIN_SVN = FuseEntry.value("mcu_component_svn_manifest_min_svn", VENDOR_TEST,
            0x3D8, 4, new OneHotLinearOr(10, 3));
    public static final FuseEntry SOC_IMAGE_MIN_SVN_0 = FuseEntry.value("soc_image_min_svn_0", VENDOR_TEST, 0x3DC, 4,
            new OneHotLinearOr(10, 3));
    public static final FuseEntry SOC_IMAGE_MIN_SVN_1 = FuseEntry.value("soc_image_min_svn_1", VENDOR_TEST, 0x3E0, 4,
            new OneHotLinearOr(10, 3));
    public static final FuseEntry ITRNG_HEALTH_TEST_WINDOW_SIZE = FuseEntry.value("cptra_itrng_health_test_window_size",
            VENDOR_NON_SECRET_PROD, 0xAB8, 4, new Single(16));
    public static final FuseEntry ITRNG_ENTROPY_CONFIG_0 = FuseEntry.value("cptra_itrng_entropy_config_0", VENDOR_NON_SECRET_PROD, 0xAD8,
            4, new Single(32));
    public static final FuseEntry ITRNG_ENTROPY_CONFIG_1 = FuseEntry.value("cptra_itrng_entropy_config_1", VENDOR_NON_SECRET_PROD, 0xAF8,
            4, new Single(32));
    /** The key whose hash authorizes DOT_OVERRIDE; 384 bits from the start of NON_SECRET_FUSE_8. */
    public static final FuseEntry VENDOR_RECOVERY_PK_HASH = FuseEntry.bytes("vendor_recovery_pk_hash", VENDOR_NON_SECRET_PROD, 0xB78, 48);

    private static final List<FuseEntry> ITEMS = buildItems();
    private static final List<FuseEntry> FIELDS = List.of(DOT_INITIALIZED, DOT_FUSE_ARRAY, ITRNG_HEALTH_TEST_WINDOW_SIZE,
            ITRNG_ENTROPY_CONFIG_0, ITRNG_ENTROPY_CONFIG_1, VENDOR_RECOVERY_PK_HASH, MCU_COMPONENT_SVN_MANIFEST_MIN_SVN,
            SOC_IMAGE_MIN_SVN_0, SOC_IMAGE_MIN_SVN_1);

    private FuseMap() {}

    /** Every OTP item of the map, partition by partition, in address order. */
    public static List<FuseEntry> items() {
        return ITEMS;
    }

    private static List<FuseEntry> buildItems() {
        var all = new ArrayList<FuseEntry>();
        all.add(MANUF_DEBUG_UNLOCK_TOKEN);
        all.add(UDS_SEED);
        for (int i = 0; i < FIELD_ENTROPY_PARTITIONS; i++) {
            all.add(fieldEntropy(i));
        }
        all.addAll(List.of(ANTI_ROLLBACK_DISABLE, IDEVID_CERT_ATTR, SOC_SPECIFIC_IDEVID_CERTIFICATE, IDEVID_MANUF_HSM_ID, SOC_STEPPING_ID));
        for (int level = 1; level <= PROD_DEBUG_UNLOCK_LEVELS; level++) {
            all.add(prodDebugUnlockPkHash(level));
        }
        String[] lcTokens = {"CPTRA_SS_TEST_UNLOCK_TOKEN_1", "CPTRA_SS_TEST_UNLOCK_TOKEN_2", "CPTRA_SS_TEST_UNLOCK_TOKEN_3",
            "CPTRA_SS_TEST_UNLOCK_TOKEN_4", "CPTRA_SS_TEST_UNLOCK_TOKEN_5", "CPTRA_SS_TEST_UNLOCK_TOKEN_6", "CPTRA_SS_TEST_UNLOCK_TOKEN_7",
            "CPTRA_SS_TEST_EXIT_TO_MANUF_TOKEN", "CPTRA_SS_MANUF_TO_PROD_TOKEN", "CPTRA_SS_PROD_TO_PROD_END_TOKEN", "CPTRA_SS_RMA_TOKEN"};
        for (int i = 0; i < lcTokens.length; i++) {
            all.add(FuseEntry.bytes(lcTokens[i], SECRET_LC_TRANSITION, 0x2D8 + 16 * i, 16));
        }
        all.addAll(List.of(FMC_KEY_MANIFEST_SVN, RUNTIME_SVN, SOC_MANIFEST_SVN, SOC_MANIFEST_MAX_SVN, VENDOR_TEST_ITEM));
        all.add(vendorPkHash(0));
        all.add(pqcKeyType(0));
        all.addAll(List.of(OWNER_PK_HASH, OWNER_PQC_KEY_TYPE, OWNER_PK_HASH_VALID));
        for (int slot = 1; slot < VENDOR_PK_HASH_SLOTS; slot++) {
            all.add(vendorPkHash(slot));
            all.add(pqcKeyType(slot));
        }
        all.add(VENDOR_PK_HASH_VALID);
        all.addAll(List.of(OWNER_ECC_REVOCATION, OWNER_LMS_REVOCATION, OWNER_MLDSA_REVOCATION));
        for (int slot = 0; slot < VENDOR_PK_HASH_SLOTS; slot++) {
            all.add(eccRevocation(slot));
            all.add(lmsRevocation(slot));
            all.add(mldsaRevocation(slot));
        }
        for (int i = 0; i < 16; i++) {
            all.add(FuseEntry.bytes("CPTRA_SS_VENDOR_SPECIFIC_SECRET_FUSE_" + i, VENDOR_SECRET_PROD, 0x870 + 32 * i, 32));
        }
        for (int i = 0; i < 16; i++) {
            all.add(FuseEntry.bytes("CPTRA_SS_VENDOR_SPECIFIC_NON_SECRET_FUSE_" + i, VENDOR_NON_SECRET_PROD, 0xA78 + 32 * i, 32));
        }
        all.add(LC_TRANSITION_CNT);
        all.add(LC_STATE);
        return List.copyOf(all);
    }

    /** The vendor-specific fields, each inside one item. */
    public static List<FuseEntry> fields() {
        return FIELDS;
    }

    /** CPTRA_CORE_FIELD_ENTROPY_n: 8 bytes opening SECRET_PROD_n. */
    public static FuseEntry fieldEntropy(int n) {
        var partition = OtpPartition.byNumber(OtpPartition.SECRET_PROD_0.number() + checkIndex("field entropy partition", n,
                FIELD_ENTROPY_PARTITIONS)).orElseThrow();
        return FuseEntry.bytes("CPTRA_CORE_FIELD_ENTROPY_" + n, partition, partition.byteOffset(), 8);
    }

    /** CPTRA_SS_PROD_DEBUG_UNLOCK_PKS_(level-1): the hash of the keys that may unlock debug at {@code level} (1–8). */
    public static FuseEntry prodDebugUnlockPkHash(int level) {
        checkIndex("debug unlock level - 1", level - 1, PROD_DEBUG_UNLOCK_LEVELS);
        return FuseEntry.bytes("CPTRA_SS_PROD_DEBUG_UNLOCK_PKS_" + (level - 1), SW_MANUF, 0x14C + HASH_BYTES * (level - 1), HASH_BYTES);
    }

    /** CPTRA_CORE_VENDOR_PK_HASH_slot: slot 0 in VENDOR_HASHES_MANUF, 1–15 in VENDOR_HASHES_PROD. */
    public static FuseEntry vendorPkHash(int slot) {
        checkIndex("vendor_pk_hash_slot", slot, VENDOR_PK_HASH_SLOTS);
        return slot == 0 ? FuseEntry.bytes("CPTRA_CORE_VENDOR_PK_HASH_0", VENDOR_HASHES_MANUF, 0x3F8, HASH_BYTES)
                : FuseEntry.bytes("CPTRA_CORE_VENDOR_PK_HASH_" + slot, VENDOR_HASHES_PROD, 0x470 + 52 * (slot - 1), HASH_BYTES);
    }

    /** The slot's PQC key type, a bit count: 1 ML-DSA, 2 LMS. */
    public static FuseEntry pqcKeyType(int slot) {
        var hash = vendorPkHash(slot);
        return FuseEntry.value("CPTRA_CORE_PQC_KEY_TYPE_" + slot, hash.partition(), hash.byteOffset() + HASH_BYTES, 4,
                new OneHotLinearOr(2, 3));
    }

    /** Four ECC key revocation bits of a slot. */
    public static FuseEntry eccRevocation(int slot) {
        return revocation("CPTRA_CORE_ECC_REVOCATION_", slot, 0, new LinearOr(4, 3));
    }

    /** Sixteen LMS key revocation bits of a slot. */
    public static FuseEntry lmsRevocation(int slot) {
        return revocation("CPTRA_CORE_LMS_REVOCATION_", slot, 4, new LinearOr(16, 2));
    }

    /** Four ML-DSA key revocation bits of a slot. */
    public static FuseEntry mldsaRevocation(int slot) {
        return revocation("CPTRA_CORE_MLDSA_REVOCATION_", slot, 8, new LinearOr(4, 3));
    }

    private static FuseEntry revocation(String prefix, int slot, int within, FuseLayout layout) {
        checkIndex("vendor_pk_hash_slot", slot, VENDOR_PK_HASH_SLOTS);
        return FuseEntry.value(prefix + slot, VENDOR_REVOCATIONS_PROD, 0x7A4 + 12 * slot + within, 4, layout);
    }

    private static int checkIndex(String what, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(what + " is 0.." + (count - 1) + ", got " + index);
        }
        return index;
    }
}
