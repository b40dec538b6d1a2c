package org.caliptra.util.emulator.mcu.fuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mcu.McFuseCommands.KeyType;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.Test;

class SubsystemFusesTest {
    private static Octets ramp(int length, int start) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (start + i);
        }
        return Octets.of(b);
    }

    private static final FuseSet PART = FuseSet.builder(Generation.V2).udsSeed(ramp(64, 1)).fieldEntropy(ramp(32, 0x40))
            .vendorPkHash(ramp(48, 0x80)).ownerPkHash(ramp(48, 0xB0)).eccRevocation(0b0010).mldsaRevocation(0b0001)
            .runtimeSvn(9).socManifestSvn(3).socManifestMaxSvn(5).antiRollbackDisable(true).idevidCertAttr(ramp(96, 0x10))
            .idevidManufHsmId(ramp(16, 0x70)).socSteppingId(0x1234).manufDebugUnlockToken(ramp(64, 0x20)).pqcKeyType(1).build();

    @Test
    void aSeededOtpProjectsBackToThePartsFuses() {
        var fuses = new SubsystemFuses(SubsystemFuses.seed(PART));
        assertEquals(PART, fuses.coreFuses(FuseSet.defaults(Generation.V2)));
        assertEquals(OptionalInt.of(0), fuses.bootSlot());
    }

    @Test
    void digestsSitDwordReversedInTheOtp() {
        var otp = SubsystemFuses.seed(PART);
        // Vendor PK hash bytes 80 81 82 83 … : the first OTP word reads 0x80818283, as the core's
        // FUSE_VENDOR_PK_HASH[0] register holds the first digest word big-endian.
        assertEquals(0x8081_8283, otp.readWord(FuseMap.vendorPkHash(0).wordAddress()));
        // The runtime SVN 9 is the 128-bit thermometer 0x1FF.
        assertEquals(0x1FF, otp.readWord(FuseMap.RUNTIME_SVN.wordAddress()));
        assertEquals(1, otp.readValue(FuseMap.OWNER_PK_HASH_VALID));
    }

    @Test
    void vendorPkHashProvisioningFollowsTheReferenceRules() {
        var fuses = new SubsystemFuses(Otp.blank());
        byte[] hash = ramp(48, 5).toByteArray();
        fuses.provisionVendorPkHash(3, hash);
        assertArrayEquals(hash, fuses.vendorPkHash(3));
        fuses.provisionVendorPkHash(3, hash); // the same again: nothing to do
        var other = assertThrows(OtpException.class, () -> fuses.provisionVendorPkHash(3, ramp(48, 6).toByteArray()));
        assertTrue(other.invalidParameter());
        assertThrows(OtpException.class, () -> fuses.provisionVendorPkHash(16, hash));

        fuses.revokeVendorPkHash(3);
        assertFalse(fuses.vendorPkHashSlotValid(3));
        // LinearOr(16, 3): slot 3's three copies are bits 9..11.
        assertEquals(0b111 << 9, fuses.otp().readWord(FuseMap.VENDOR_PK_HASH_VALID.wordAddress()));
        fuses.revokeVendorPkHash(3); // idempotent
        assertThrows(OtpException.class, () -> fuses.provisionVendorPkHash(3, hash), "a revoked slot takes no hash");
        assertThrows(OtpException.class, () -> fuses.revokeVendorPkHash(4), "an empty slot has nothing to revoke");
    }

    @Test
    void keyRevocationBurnsOneBitAndSparesTheLastKey() {
        var fuses = new SubsystemFuses(Otp.blank());
        fuses.revokeVendorPubKey(2, KeyType.ECDSA_P384, 1);
        assertEquals(0b0010, fuses.revocations(2, KeyType.ECDSA_P384));
        assertEquals(0b111 << 3, fuses.otp().readWord(FuseMap.eccRevocation(2).wordAddress()));
        fuses.revokeVendorPubKey(2, KeyType.LMS, 15);
        assertEquals(1 << 15, fuses.revocations(2, KeyType.LMS));
        // LMS allows 32 keys, but this fuse map backs only 16 revocation bits per slot.
        assertThrows(OtpException.class, () -> fuses.revokeVendorPubKey(2, KeyType.LMS, 16));
        assertThrows(OtpException.class, () -> fuses.revokeVendorPubKey(2, KeyType.ECDSA_P384, 3));
        assertThrows(OtpException.class, () -> fuses.revokeVendorPubKey(2, KeyType.MLDSA87, 3));
    }

    @Test
    void ownerPkHashIsWriteOnceWithACommitMarker() {
        var fuses = new SubsystemFuses(Otp.blank());
        assertThrows(OtpException.class, () -> fuses.provisionOwnerPkHash(new byte[48]));
        byte[] hash = ramp(48, 9).toByteArray();
        fuses.provisionOwnerPkHash(hash);
        assertTrue(fuses.ownerPkHashValid());
        fuses.provisionOwnerPkHash(hash);
        assertThrows(OtpException.class, () -> fuses.provisionOwnerPkHash(ramp(48, 10).toByteArray()));
    }

    @Test
    void theBootSlotSkipsRevokedAndExhaustedSlots() {
        var fuses = new SubsystemFuses(Otp.blank());
        fuses.provisionVendorPkHash(0, ramp(48, 1).toByteArray());
        fuses.provisionVendorPkHash(1, ramp(48, 2).toByteArray());
        fuses.revokeVendorPkHash(0);
        assertEquals(OptionalInt.of(1), fuses.bootSlot());
        for (int k = 0; k < 3; k++) {
            fuses.revokeVendorPubKey(1, KeyType.ECDSA_P384, k);
        }
        assertEquals(OptionalInt.of(1), fuses.bootSlot(), "key 3 is left");
        fuses.otp().writeValue(FuseMap.eccRevocation(1), 0xF);
        assertEquals(OptionalInt.of(2), fuses.bootSlot(), "slot 2: valid, nothing revoked (and empty)");
    }
}
