package org.caliptra.util.soc.fuses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.TreeMap;
import org.caliptra.util.image.verify.Fuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.junit.jupiter.api.Test;

/** The register encoding of spec/device.md §1.5, with every offset and word written out by hand. */
class FuseSetTest {
    static final int SOC = 0x3003_0000;

    /** Remembers every write, offset from soc_ifc → value. */
    static final class Registers implements RegisterBus {
        final TreeMap<Integer, Integer> written = new TreeMap<>();

        @Override
        public int read32(int address) {
            return written.getOrDefault(address - SOC, 0);
        }

        @Override
        public void write32(int address, int value) {
            written.put(address - SOC, value);
        }
    }

    static Octets counting(int length, int from) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (from + i);
        }
        return Octets.of(b);
    }

    @Test
    void oneDotXGoesWhereLibcaliptraWritesIt() {
        var fuses = FuseSet.builder(Generation.V1).vendorPkHash(counting(48, 0)).ownerPkHash(counting(48, 0x80))
                .eccRevocation(0b0101).fmcSvn(7).runtimeSvn(40).antiRollbackDisable(true).lmsVerify(true)
                .lmsRevocation(0x8000_0001).socSteppingId(0xBEEF).lifeCycle(3).udsSeed(counting(48, 0x40)).build();
        var regs = new Registers();
        fuses.writeTo(regs);
        var w = regs.written;
        assertEquals(0x0001_0203, w.get(0x250), "FUSE_KEY_MANIFEST_PK_HASH word 0: bytes 0..3 big-endian");
        assertEquals(0x2C2D_2E2F, w.get(0x27C), "word 11");
        assertEquals(0x8081_8283, w.get(0x284), "FUSE_OWNER_PK_HASH");
        assertEquals(0b0101, w.get(0x280), "FUSE_KEY_MANIFEST_PK_HASH_MASK");
        assertEquals(0x7F, w.get(0x2B4), "FMC SVN 7 is seven ones");
        assertEquals(0xFFFF_FFFF, w.get(0x2B8), "runtime SVN 40: word 0 full");
        assertEquals(0xFF, w.get(0x2BC), "word 1 has the other 8");
        assertEquals(0, w.get(0x2C0));
        assertEquals(0, w.get(0x2C4));
        assertEquals(1, w.get(0x2C8), "FUSE_ANTI_ROLLBACK_DISABLE");
        assertEquals(3, w.get(0x33C), "FUSE_LIFE_CYCLE");
        assertEquals(1, w.get(0x340), "FUSE_LMS_VERIFY");
        assertEquals(0x8000_0001, w.get(0x344), "FUSE_LMS_REVOCATION");
        assertEquals(0xBEEF, w.get(0x348), "FUSE_SOC_STEPPING_ID");
        assertEquals(0x4041_4243, w.get(0x200), "FUSE_UDS_SEED: 12 words from 0x200");
        assertEquals(0x6C6D_6E6F, w.get(0x22C));
        assertFalse(w.containsKey(0x140), "1.x has no CPTRA_OWNER_PK_HASH");
        assertFalse(w.containsKey(0x38C), "1.x has no PQC key type fuse");
        assertFalse(w.containsKey(0x0B0), "CPTRA_FUSE_WR_DONE is the caller's next step");
    }

    @Test
    void twoDotXMovesTheHashesAndAddsThePqcFuses() {
        var fuses = FuseSet.builder(Generation.V2).vendorPkHash(counting(48, 0)).ownerPkHash(counting(48, 0x80))
                .eccRevocation(1).mldsaRevocation(2).lmsRevocation(3).pqcKeyType(3).runtimeSvn(1).socManifestSvn(33)
                .socManifestMaxSvn(0x7F).build();
        var regs = new Registers();
        fuses.writeTo(regs);
        var w = regs.written;
        assertEquals(0x0001_0203, w.get(0x260), "FUSE_VENDOR_PK_HASH");
        assertEquals(0x8081_8283, w.get(0x140), "CPTRA_OWNER_PK_HASH (a register, not a fuse, on 2.x)");
        assertEquals(1, w.get(0x290), "FUSE_ECC_REVOCATION");
        assertEquals(3, w.get(0x340), "FUSE_LMS_REVOCATION");
        assertEquals(2, w.get(0x344), "FUSE_MLDSA_REVOCATION");
        assertEquals(3, w.get(0x38C), "FUSE_PQC_KEY_TYPE: LMS");
        assertEquals(1, w.get(0x2B8), "FW SVN 1");
        assertEquals(0xFFFF_FFFF, w.get(0x390), "FUSE_SOC_MANIFEST_SVN 33: one full word");
        assertEquals(1, w.get(0x394), "and one bit");
        assertEquals(0x7F, w.get(0x3A0), "FUSE_SOC_MANIFEST_MAX_SVN");
        assertEquals(16, w.subMap(0x200, 0x240).size(), "a 512-bit UDS seed: 16 words");
        assertEquals(0x2425_2627, w.get(0x284), "0x284 is word 9 of the 2.x vendor hash, not an owner hash fuse");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() {
        for (var fuses : new FuseSet[] {
            FuseSet.builder(Generation.V1).vendorPkHash(counting(48, 9)).fmcSvn(32).runtimeSvn(128).lmsVerify(true)
                    .idevidCertAttr(counting(96, 3)).idevidManufHsmId(counting(16, 7)).fieldEntropy(counting(32, 1)).build(),
            FuseSet.builder(Generation.V2).ownerPkHash(counting(48, 5)).runtimeSvn(127).manufDebugUnlockToken(counting(64, 2))
                    .hekSeed(counting(32, 4)).udsSeed(counting(64, 8)).pqcKeyType(1).socManifestSvn(128).build()}) {
            var regs = new Registers();
            fuses.writeTo(regs);
            assertEquals(fuses, FuseSet.read(fuses.generation(), offset -> regs.read32(SOC + offset)));
        }
    }

    @Test
    void theVerifierSeesTheSameFusesItWasGiven() {
        var verifier = Fuses.builder().lifecycle(Lifecycle.PRODUCTION).vendorPkHash(counting(48, 1)).ownerPkHash(counting(48, 2))
                .eccRevocation(2).lmsRevocation(5).lmsVerify(true).fmcSvn(3).runtimeSvn(9).antiRollbackDisable(true).build();
        assertEquals(verifier, FuseSet.of(Generation.V1, verifier).verifierFuses(Lifecycle.PRODUCTION));
        var v2 = Fuses.builder().lifecycle(Lifecycle.MANUFACTURING).vendorPkHash(counting(48, 1)).mldsaRevocation(3).pqcKeyType(3)
                .runtimeSvn(100).build();
        assertEquals(v2, FuseSet.of(Generation.V2, v2).verifierFuses(Lifecycle.MANUFACTURING));
    }

    @Test
    void fusesAGenerationLacksOrValuesTheyCannotHoldAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> FuseSet.builder(Generation.V1).mldsaRevocation(1).build());
        assertTrue(e.getMessage().contains("1.x has no ML-DSA revocation"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FuseSet.builder(Generation.V2).lmsVerify(true).build());
        assertEquals("fmc_svn must be 0..32, got 33",
                assertThrows(IllegalArgumentException.class, () -> FuseSet.builder(Generation.V1).fmcSvn(33).build()).getMessage());
        assertEquals("ecc_revocation is a 4-bit fuse, got 0x10",
                assertThrows(IllegalArgumentException.class, () -> FuseSet.builder(Generation.V2).eccRevocation(16).build()).getMessage());
        assertEquals("uds_seed is 64 bytes, got 48",
                assertThrows(IllegalArgumentException.class, () -> FuseSet.builder(Generation.V2).udsSeed(Octets.zeros(48)).build()).getMessage());
    }

    @Test
    void secretsStayOutOfToString() {
        var seed = HexFormat.of().formatHex(counting(48, 0xA0).toByteArray());
        var text = FuseSet.builder(Generation.V1).udsSeed(counting(48, 0xA0)).fieldEntropy(counting(32, 0xA0)).build().toString();
        assertFalse(text.contains(seed.substring(0, 16)), text);
        assertTrue(text.contains("(secret)"), text);
    }
}
