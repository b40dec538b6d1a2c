package org.caliptra.util.emulator.mcu.fuse;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import org.caliptra.util.emulator.mcu.fuse.OtpException.Kind;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.soc.fuses.FuseSet;

/**
 * The subsystem's fuses by meaning: the OTP fields the MCU firmware reads and burns, with the
 * reference's provisioning rules (caliptra-mcu-sw runtime/userspace/syscall/src/otp.rs).
 *
 * <p>Byte strings sit in the OTP in "OTP form": the MCU ROM copies OTP words as they are into
 * Caliptra's fuse registers, which hold big-endian digest words, so each 4-byte group of a digest
 * appears byte-reversed (the dword-reversed form MC_PROVISION_OWNER_PK_HASH documents).
 * {@link #seed} and {@link #coreFuses} convert between that and {@link FuseSet}'s natural form.
 */
public final class SubsystemFuses {
    /** Key indices per type (the reference's VENDOR_*_MAX_KEY_COUNT); the last one of each cannot be revoked. */
    public static final int ECC_KEYS = 4;
    public static final int LMS_KEYS = 32;
    public static final int MLDSA_KEYS = 4;
    /** DOT transitions the 256-bit fuse array counts. */
    public static final int DOT_FUSES = 256;

    private final Otp otp;

    public SubsystemFuses(Otp otp) {
        this.otp = Objects.requireNonNull(otp, "otp");
    }

    public Otp otp() {
        return otp;
    }

    // ---- a part's fuses, both ways --------------------------------------------------------------

    /**
     * A fresh OTP programmed with {@code fuses} as a manufacturer would for this part: the 2.x core
     * fuses in their OTP items, the vendor PK hash in slot 0, the owner hash with its valid marker.
     * Nothing is locked. The HEK seed has no OTP item in this fuse map and is not kept.
     */
    public static Otp seed(FuseSet fuses) {
        var otp = Otp.blank();
        var f = new SubsystemFuses(otp);
        otp.writeBytes(FuseMap.UDS_SEED, otpForm(fuses.udsSeed()));
        byte[] fe = otpForm(fuses.fieldEntropy());
        for (int n = 0; n < FuseMap.FIELD_ENTROPY_PARTITIONS; n++) {
            otp.writeBytes(FuseMap.fieldEntropy(n), Arrays.copyOfRange(fe, 8 * n, 8 * n + 8));
        }
        otp.writeValue(FuseMap.ANTI_ROLLBACK_DISABLE, fuses.antiRollbackDisable() ? 1 : 0);
        otp.writeBytes(FuseMap.IDEVID_CERT_ATTR, otpForm(fuses.idevidCertAttr()));
        otp.writeBytes(FuseMap.IDEVID_MANUF_HSM_ID, otpForm(fuses.idevidManufHsmId()));
        otp.writeValue(FuseMap.SOC_STEPPING_ID, fuses.socSteppingId());
        otp.writeBytes(FuseMap.MANUF_DEBUG_UNLOCK_TOKEN, otpForm(fuses.manufDebugUnlockToken()));
        otp.writeValue(FuseMap.FMC_KEY_MANIFEST_SVN, fuses.fmcSvn());
        otp.writeWords(FuseMap.RUNTIME_SVN, thermometer(fuses.runtimeSvn()));
        otp.writeWords(FuseMap.SOC_MANIFEST_SVN, thermometer(fuses.socManifestSvn()));
        otp.writeValue(FuseMap.SOC_MANIFEST_MAX_SVN, fuses.socManifestMaxSvn());
        otp.writeBytes(FuseMap.vendorPkHash(0), otpForm(fuses.vendorPkHash()));
        otp.writeValue(FuseMap.pqcKeyType(0), pqcCount(fuses.pqcKeyType()));
        otp.writeValue(FuseMap.eccRevocation(0), fuses.eccRevocation());
        otp.writeValue(FuseMap.mldsaRevocation(0), fuses.mldsaRevocation());
        otp.writeValue(FuseMap.lmsRevocation(0), fuses.lmsRevocation() & 0xFFFF);
        if (!fuses.ownerPkHash().isZero()) {
            otp.writeBytes(FuseMap.OWNER_PK_HASH, otpForm(fuses.ownerPkHash()));
            otp.writeValue(FuseMap.OWNER_PK_HASH_VALID, 1);
        }
        return f.otp;
    }

    /**
     * The core fuses the MCU ROM would write into Caliptra from this OTP: the vendor PK hash,
     * revocations and PQC key type of the slot the reference's default key policy picks (the first
     * valid slot with an unrevoked ECC and PQC key; none: an all-zero hash), the rest from their
     * items; what the OTP has no item for (the HEK seed) from {@code base}.
     */
    public FuseSet coreFuses(FuseSet base) {
        byte[] fe = new byte[32];
        for (int n = 0; n < FuseMap.FIELD_ENTROPY_PARTITIONS; n++) {
            System.arraycopy(otp.readBytes(FuseMap.fieldEntropy(n)), 0, fe, 8 * n, 8);
        }
        var b = base.toBuilder()
                .udsSeed(natural(otp.readBytes(FuseMap.UDS_SEED)))
                .fieldEntropy(natural(fe))
                .antiRollbackDisable(otp.readValue(FuseMap.ANTI_ROLLBACK_DISABLE) != 0)
                .idevidCertAttr(natural(otp.readBytes(FuseMap.IDEVID_CERT_ATTR)))
                .idevidManufHsmId(natural(otp.readBytes(FuseMap.IDEVID_MANUF_HSM_ID)))
                .socSteppingId(otp.readValue(FuseMap.SOC_STEPPING_ID))
                .manufDebugUnlockToken(natural(otp.readBytes(FuseMap.MANUF_DEBUG_UNLOCK_TOKEN)))
                .fmcSvn(otp.readValue(FuseMap.FMC_KEY_MANIFEST_SVN))
                .runtimeSvn(svn(otp.readWords(FuseMap.RUNTIME_SVN)))
                .socManifestSvn(svn(otp.readWords(FuseMap.SOC_MANIFEST_SVN)))
                .socManifestMaxSvn(otp.readValue(FuseMap.SOC_MANIFEST_MAX_SVN))
                .ownerPkHash(ownerPkHashValid() ? natural(otp.readBytes(FuseMap.OWNER_PK_HASH)) : Octets.zeros(48));
        var slot = bootSlot();
        if (slot.isPresent()) {
            int s = slot.getAsInt();
            int pqc = otp.readValue(FuseMap.pqcKeyType(s));
            b.vendorPkHash(natural(otp.readBytes(FuseMap.vendorPkHash(s))))
                    .eccRevocation(otp.readValue(FuseMap.eccRevocation(s)))
                    .mldsaRevocation(otp.readValue(FuseMap.mldsaRevocation(s)))
                    .lmsRevocation(otp.readValue(FuseMap.lmsRevocation(s)))
                    .pqcKeyType(pqc == 2 ? 2 : 1);
        } else {
            b.vendorPkHash(Octets.zeros(48)).eccRevocation(0).mldsaRevocation(0).lmsRevocation(0);
        }
        return b.build();
    }

    /** The slot the MCU ROM boots Caliptra with: the first valid one with an ECC and a PQC key left. */
    public OptionalInt bootSlot() {
        for (int slot = 0; slot < FuseMap.VENDOR_PK_HASH_SLOTS; slot++) {
            if (!vendorPkHashSlotValid(slot)) {
                continue;
            }
            boolean lms = otp.readValue(FuseMap.pqcKeyType(slot)) == 2;
            boolean eccLeft = otp.readValue(FuseMap.eccRevocation(slot)) < 0xF;
            boolean pqcLeft = lms ? otp.readValue(FuseMap.lmsRevocation(slot)) < 0xFFFF : otp.readValue(FuseMap.mldsaRevocation(slot)) < 0xF;
            if (eccLeft && pqcLeft) {
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    // ---- vendor PK hashes -----------------------------------------------------------------------

    /** Unburnt bit n of CPTRA_CORE_VENDOR_PK_HASH_VALID: slot n has not been revoked. */
    public boolean vendorPkHashSlotValid(int slot) {
        return slot >= 0 && slot < FuseMap.VENDOR_PK_HASH_SLOTS && (otp.readValue(FuseMap.VENDOR_PK_HASH_VALID) >>> slot & 1) == 0;
    }

    /** A slot's hash in OTP form (as MC_PROVISION_VENDOR_PK_HASH wrote it). */
    public byte[] vendorPkHash(int slot) {
        return otp.readBytes(FuseMap.vendorPkHash(slot));
    }

    /**
     * MC_PROVISION_VENDOR_PK_HASH: burns {@code hash} into an empty, valid slot; the same hash again
     * is a no-op, a different one or a revoked slot is refused.
     */
    public void provisionVendorPkHash(int slot, byte[] hash) {
        if (slot < 0 || slot >= FuseMap.VENDOR_PK_HASH_SLOTS) {
            throw new OtpException(Kind.REFUSED, "vendor PK hash slot " + Integer.toUnsignedString(slot) + " does not exist (0..15)");
        }
        if (!vendorPkHashSlotValid(slot)) {
            throw new OtpException(Kind.REFUSED, "vendor PK hash slot " + slot + " has been revoked");
        }
        byte[] current = vendorPkHash(slot);
        if (Arrays.equals(current, hash)) {
            return;
        }
        if (!Octets.of(current).isZero()) {
            throw new OtpException(Kind.REFUSED, "vendor PK hash slot " + slot + " already holds a hash");
        }
        otp.writeBytes(FuseMap.vendorPkHash(slot), hash);
    }

    /** MC_FUSE_REVOKE_VENDOR_PK_HASH's burn: marks a provisioned slot invalid; an invalid slot stays so. */
    public void revokeVendorPkHash(int slot) {
        if (slot < 0 || slot >= FuseMap.VENDOR_PK_HASH_SLOTS) {
            throw new OtpException(Kind.REFUSED, "vendor PK hash slot " + Integer.toUnsignedString(slot) + " does not exist (0..15)");
        }
        if (!vendorPkHashSlotValid(slot)) {
            return;
        }
        if (Octets.of(vendorPkHash(slot)).isZero()) {
            throw new OtpException(Kind.REFUSED, "vendor PK hash slot " + slot + " is empty: there is nothing to revoke");
        }
        otp.writeValue(FuseMap.VENDOR_PK_HASH_VALID, otp.readValue(FuseMap.VENDOR_PK_HASH_VALID) | 1 << slot);
    }

    /** The revocation bits of one key type of a valid slot. */
    public int revocations(int slot, KeyType type) {
        return otp.readValue(revocationEntry(slot, type));
    }

    /**
     * MC_FUSE_REVOKE_VENDOR_PUB_KEY's burn: sets one key's revocation bit; the last key of a type
     * cannot be revoked, nor any key of an invalid slot.
     */
    public void revokeVendorPubKey(int slot, KeyType type, int keyIndex) {
        if (!vendorPkHashSlotValid(slot)) {
            throw new OtpException(Kind.REFUSED, "vendor PK hash slot " + Integer.toUnsignedString(slot) + " is not a valid slot");
        }
        int keys = switch (type) {
            case ECDSA_P384 -> ECC_KEYS;
            case LMS -> LMS_KEYS;
            case MLDSA87 -> MLDSA_KEYS;
        };
        if (keyIndex < 0 || keyIndex >= keys - 1) {
            throw new OtpException(Kind.REFUSED, type + " key_index " + Integer.toUnsignedString(keyIndex) + ": 0.." + (keys - 2)
                    + " can be revoked, the last key cannot");
        }
        var entry = revocationEntry(slot, type);
        int backed = ((FuseLayout.LinearOr) entry.layout().orElseThrow()).bits();
        if (keyIndex >= backed) {
            throw new OtpException(Kind.OUT_OF_RANGE, entry.name() + " backs " + backed + " revocation bits, key_index " + keyIndex
                    + " has none");
        }
        int current = otp.readValue(entry);
        int updated = current | 1 << keyIndex;
        if (updated != current) {
            otp.writeValue(entry, updated);
        }
    }

    private static FuseEntry revocationEntry(int slot, KeyType type) {
        return switch (type) {
            case ECDSA_P384 -> FuseMap.eccRevocation(slot);
            case LMS -> FuseMap.lmsRevocation(slot);
            case MLDSA87 -> FuseMap.mldsaRevocation(slot);
        };
    }

    // ---- owner PK hash --------------------------------------------------------------------------

    public boolean ownerPkHashValid() {
        return (otp.readValue(FuseMap.OWNER_PK_HASH_VALID) & 1) != 0;
    }

    /** The owner hash in OTP form. */
    public byte[] ownerPkHash() {
        return otp.readBytes(FuseMap.OWNER_PK_HASH);
    }

    /**
     * MC_PROVISION_OWNER_PK_HASH: the zero hash is refused; once the valid marker is burnt only the
     * same hash is accepted (a no-op); before that a partly burnt different hash is refused. Burns
     * the hash, checks it, then burns the marker.
     */
    public void provisionOwnerPkHash(byte[] hash) {
        if (Octets.of(hash).isZero()) {
            throw new OtpException(Kind.REFUSED, "the owner PK hash is all zero");
        }
        byte[] current = ownerPkHash();
        if (ownerPkHashValid()) {
            if (!Arrays.equals(current, hash)) {
                throw new OtpException(Kind.REFUSED, "an owner PK hash is already provisioned");
            }
            return;
        }
        if (!Arrays.equals(current, hash) && !Octets.of(current).isZero()) {
            throw new OtpException(Kind.REFUSED, "the owner PK hash fuses already hold other bits");
        }
        otp.writeBytes(FuseMap.OWNER_PK_HASH, hash);
        otp.writeValue(FuseMap.OWNER_PK_HASH_VALID, 1);
    }

    // ---- Caliptra firmware SVN ------------------------------------------------------------------

    /** CPTRA_CORE_RUNTIME_SVN's four words (a 128-bit thermometer). */
    public int[] runtimeSvnWords() {
        return otp.readWords(FuseMap.RUNTIME_SVN);
    }

    /** The minimum SVN the fuses enforce: the position of the highest burnt bit. */
    public int minimumRuntimeSvn() {
        return svn(runtimeSvnWords());
    }

    // ---- device ownership transfer --------------------------------------------------------------

    public boolean dotInitialized() {
        return otp.readValue(FuseMap.DOT_INITIALIZED) != 0;
    }

    /** Burnt bits of the DOT fuse array: the DOT state counter (odd = locked). */
    public int dotFuseCount() {
        return Arrays.stream(otp.readWords(FuseMap.DOT_FUSE_ARRAY)).map(Integer::bitCount).sum();
    }

    /** Burns DOT fuse {@code index} (the next one, LSB first). */
    public void burnDotFuse(int index) {
        if (index < 0 || index >= DOT_FUSES) {
            throw new OtpException(Kind.OUT_OF_RANGE, "DOT fuse " + index + " is beyond the " + DOT_FUSES + "-bit array");
        }
        int bit = 1 << (index & 31);
        otp.write(FuseMap.DOT_FUSE_ARRAY.wordAddress() + index / 32, bit, bit);
    }

    /** The vendor recovery key hash (DOT_OVERRIDE's anchor) as a digest. */
    public byte[] recoveryPkHash() {
        return natural(otp.readBytes(FuseMap.VENDOR_RECOVERY_PK_HASH)).toByteArray();
    }

    /** The hash of the keys that unlock debug at {@code level}, as a digest (what the core compares). */
    public byte[] prodDebugUnlockPkHash(int level) {
        return natural(otp.readBytes(FuseMap.prodDebugUnlockPkHash(level))).toByteArray();
    }

    // ---- encodings ------------------------------------------------------------------------------

    /** A digest (or any natural-form byte string) as it is burnt into the OTP. */
    public static byte[] otpForm(Octets natural) {
        return HwFormat.reverseEach4(natural.toByteArray());
    }

    /** OTP bytes as the natural-form value Caliptra sees. */
    public static Octets natural(byte[] otpForm) {
        return Octets.of(HwFormat.reverseEach4(otpForm));
    }

    /** An SVN as the 128-bit thermometer MC_FUSE_INCREASE_CALIPTRA_MIN_SVN burns: its low {@code svn} bits. */
    public static int[] thermometer(int svn) {
        int[] words = new int[4];
        for (int w = 0; w < 4; w++) {
            int bits = Math.max(0, Math.min(32, svn - 32 * w));
            words[w] = bits == 32 ? -1 : (1 << bits) - 1;
        }
        return words;
    }

    /** The SVN a thermometer encodes: the position of its highest set bit (0 when none is). */
    public static int svn(int[] words) {
        for (int w = words.length - 1; w >= 0; w--) {
            if (words[w] != 0) {
                return 32 * w + 32 - Integer.numberOfLeadingZeros(words[w]);
            }
        }
        return 0;
    }

    /** FuseSet's one-hot PQC key type (1 ML-DSA, 2 LMS) as the OTP's bit count. */
    private static int pqcCount(int pqcKeyType) {
        return pqcKeyType == 2 ? 2 : pqcKeyType == 1 ? 1 : 0;
    }
}
