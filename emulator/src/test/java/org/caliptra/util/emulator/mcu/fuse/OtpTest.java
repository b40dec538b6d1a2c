package org.caliptra.util.emulator.mcu.fuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.caliptra.util.emulator.mcu.fuse.FuseLayout.LinearOr;
import org.caliptra.util.emulator.mcu.fuse.FuseLayout.OneHot;
import org.caliptra.util.emulator.mcu.fuse.FuseLayout.OneHotLinearOr;
import org.caliptra.util.emulator.mcu.fuse.OtpException.Kind;
import org.junit.jupiter.api.Test;

class OtpTest {
    private final Otp otp = Otp.blank();

    // ---- the map ---------------------------------------------------------------------------------

    @Test
    void partitionsTileTheArrayInTheReferenceOrder() {
        int next = 0;
        for (OtpPartition p : OtpPartition.values()) {
            assertEquals(next, p.byteOffset(), p.toString());
            assertEquals(p.ordinal(), p.number());
            next += p.byteSize();
        }
        assertEquals(OtpPartition.TOTAL_BYTES, next);
        // fuse_map.md: vendor_hashes_prod_partition is partition 11 at 0x0438, 864 bytes.
        assertEquals(0x438, OtpPartition.byNumber(11).orElseThrow().byteOffset());
        assertEquals(864, OtpPartition.VENDOR_HASHES_PROD.byteSize());
    }

    @Test
    void itemsSitInsideTheirPartitionsBeforeTheDigestAndNeverOverlap() {
        List<FuseEntry> items = new ArrayList<>(FuseMap.items());
        items.sort(Comparator.comparingInt(FuseEntry::byteOffset));
        for (int i = 0; i < items.size(); i++) {
            var e = items.get(i);
            if (e.partition().hasDigest()) {
                assertTrue(e.byteOffset() + e.byteSize() <= e.partition().digestOffset(), e.name() + " runs into the digest");
            }
            if (i > 0) {
                var before = items.get(i - 1);
                assertTrue(before.byteOffset() + before.byteSize() <= e.byteOffset(), before.name() + " overlaps " + e.name());
            }
        }
        // Spot values from fuse_map.md.
        assertEquals(0x14C + 48 * 7, FuseMap.prodDebugUnlockPkHash(8).byteOffset());
        assertEquals(0x748, FuseMap.vendorPkHash(15).byteOffset());
        assertEquals(0x778, FuseMap.pqcKeyType(15).byteOffset());
        assertEquals(0x858, FuseMap.eccRevocation(15).byteOffset());
        assertEquals(0x860, FuseMap.mldsaRevocation(15).byteOffset());
        assertEquals(FuseMap.items().size(), FuseMap.items().stream().map(FuseEntry::name).distinct().count());
    }

    @Test
    void vendorFieldsLieInsideAnItem() {
        for (var field : FuseMap.fields()) {
            boolean inside = FuseMap.items().stream().anyMatch(item -> item.partition() == field.partition()
                    && field.byteOffset() >= item.byteOffset() && field.byteOffset() < item.byteOffset() + item.byteSize());
            assertTrue(inside, field.name());
        }
    }

    // ---- OTP semantics ---------------------------------------------------------------------------

    @Test
    void writesOrBitsInAndAnIdenticalWriteIsANoOp() {
        int word = FuseMap.SOC_STEPPING_ID.wordAddress();
        assertTrue(otp.write(word, 0x0000_00F0, 0xFFFF_FFFF));
        assertTrue(otp.write(word, 0x0000_00FF, 0x0000_000F)); // only the low nibble is written
        assertEquals(0x0000_00FF, otp.readWord(word));
        assertFalse(otp.write(word, 0x0000_00FF, 0xFFFF_FFFF));
        assertTrue(otp.write(word, 0xFF00_00FF, 0xFFFF_FFFF));
        assertEquals(0xFF00_00FF, otp.readWord(word));
    }

    @Test
    void aWriteThatWouldClearABurntBitIsRefusedAndChangesNothing() {
        int word = FuseMap.SOC_STEPPING_ID.wordAddress();
        otp.write(word, 0b1010, -1);
        var e = assertThrows(OtpException.class, () -> otp.write(word, 0b0110, -1));
        assertEquals(Kind.CLEARS_BITS, e.kind());
        assertTrue(e.invalidParameter());
        assertEquals(0b1010, otp.readWord(word));
        // A zero in the data is fine where the mask leaves the burnt bit out.
        assertTrue(otp.write(word, 0b0100, 0b0100));
        assertEquals(0b1110, otp.readWord(word));
    }

    @Test
    void wordsOutsideTheArrayAreRefused() {
        assertEquals(Kind.OUT_OF_RANGE, assertThrows(OtpException.class, () -> otp.write(OtpPartition.TOTAL_BYTES / 4, 1, 1)).kind());
        assertEquals(Kind.OUT_OF_RANGE, assertThrows(OtpException.class, () -> otp.write(-1, 1, 1)).kind());
        assertEquals(Kind.OUT_OF_RANGE, assertThrows(OtpException.class, () -> otp.readWord(OtpPartition.TOTAL_BYTES / 4)).kind());
    }

    @Test
    void lifeCycleAndDigestWordsAreNotWritable() {
        var lc = assertThrows(OtpException.class, () -> otp.write(FuseMap.LC_STATE.wordAddress(), 1, 1));
        assertEquals(Kind.NOT_WRITABLE, lc.kind());
        assertFalse(lc.invalidParameter());
        var digest = assertThrows(OtpException.class, () -> otp.write(OtpPartition.SW_MANUF.digestOffset() / 4, 1, 1));
        assertEquals(Kind.NOT_WRITABLE, digest.kind());
    }

    @Test
    void lockingWritesTheDigestAndRefusesLaterWrites() {
        int word = FuseMap.SOC_STEPPING_ID.wordAddress();
        otp.write(word, 0x11, -1);
        assertFalse(otp.locked(OtpPartition.SW_MANUF));
        int[] changes = {0};
        otp.onChange(() -> changes[0]++);
        otp.lock(OtpPartition.SW_MANUF);
        assertEquals(1, changes[0]);
        assertTrue(otp.locked(OtpPartition.SW_MANUF));
        long digest = otp.digest(OtpPartition.SW_MANUF);
        assertNotEquals(0, digest);
        assertEquals(OtpDigest.of(otp.image(), OtpPartition.SW_MANUF.byteOffset(), OtpPartition.SW_MANUF.byteSize() - 8), digest);
        var e = assertThrows(OtpException.class, () -> otp.write(word, 0x33, -1));
        assertEquals(Kind.LOCKED, e.kind());
        assertEquals(0x11, otp.readWord(word));
        // Idempotent, and other partitions stay open.
        otp.lock(OtpPartition.SW_MANUF);
        assertEquals(1, changes[0]);
        assertEquals(digest, otp.digest(OtpPartition.SW_MANUF));
        assertTrue(otp.write(FuseMap.UDS_SEED.wordAddress(), 1, 1));
    }

    @Test
    void anIdenticalWriteToALockedPartitionStillSucceedsAsTheReferenceChecksTheDataFirst() {
        int word = FuseMap.SOC_STEPPING_ID.wordAddress();
        otp.write(word, 0x11, -1);
        otp.lock(OtpPartition.SW_MANUF);
        assertFalse(otp.write(word, 0x11, -1));
    }

    @Test
    void partitionsWithoutADigestCannotBeLocked() {
        assertEquals(Kind.NO_DIGEST, assertThrows(OtpException.class, () -> otp.lock(OtpPartition.SVN)).kind());
        assertEquals(Kind.OUT_OF_RANGE, assertThrows(OtpException.class, () -> otp.lock(OtpPartition.LIFE_CYCLE)).kind());
    }

    @Test
    void digestsDependOnTheContents() {
        var other = Otp.blank();
        other.write(FuseMap.SOC_STEPPING_ID.wordAddress(), 1, 1);
        otp.lock(OtpPartition.SW_MANUF);
        other.lock(OtpPartition.SW_MANUF);
        assertNotEquals(otp.digest(OtpPartition.SW_MANUF), other.digest(OtpPartition.SW_MANUF));
    }

    // ---- PRESENT, the digest's cipher (vectors from caliptra-mcu-sw common/otp-digest) ----------

    @Test
    void presentMatchesTheReferenceVectors() {
        assertEquals(0x96db702a2e6900afL, OtpDigest.encrypt(0, 0, 0));
        assertEquals(0x3c6019e5e5edd563L, OtpDigest.encrypt(-1L, 0, 0));
        assertEquals(0x13238c710272a5d8L, OtpDigest.encrypt(0, -1L, -1L));
        assertEquals(0x628d9fbd4218e5b4L, OtpDigest.encrypt(-1L, -1L, -1L));
        assertEquals(0x0e9d28685e671dd6L, OtpDigest.encrypt(0x0123456789abcdefL, 0x0123456789abcdefL, 0x0123456789abcdefL));
    }

    @Test
    void theDigestIsTheDaviesMeyerChainOverBlockPairs() {
        byte[] data = new byte[24];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        long b0 = 0x0706050403020100L;
        long b1 = 0x0F0E0D0C0B0A0908L;
        long b2 = 0x1716151413121110L;
        long state = OtpDigest.IV;
        state ^= OtpDigest.encrypt(state, b1, b0);
        state ^= OtpDigest.encrypt(state, b2, b2); // odd block count: the last block pairs with itself
        state ^= OtpDigest.encrypt(state, OtpDigest.CONST_HI, OtpDigest.CONST_LO);
        assertEquals(state, OtpDigest.of(data, 0, data.length));
    }

    // ---- layouts (examples from caliptra-mcu-sw docs/src/fuses.md) -------------------------------

    @Test
    void layoutsDecodeTheDocumentedExamples() {
        assertEquals(0b11, new LinearOr(2, 3).decode(new int[] {0b000_001_111}));
        assertEquals(3, new OneHotLinearOr(3, 3).decode(new int[] {0b001_010_111}));
        assertEquals(3, new OneHot(4).decode(new int[] {0b0111}));
        assertArrayEquals(new int[] {0b111_000_111}, new LinearOr(3, 3).encode(0b101, 1));
        assertArrayEquals(new int[] {0b111_111}, new OneHotLinearOr(2, 3).encode(2, 1));
        // 16 bits × 3 copies span two words.
        int[] raw = new LinearOr(16, 3).encode(1 << 15, 4);
        assertArrayEquals(new int[] {0, 0b111 << 13, 0, 0}, raw); // copies at bits 45..47
        assertEquals(1 << 15, new LinearOr(16, 3).decode(raw));
        assertThrows(IllegalArgumentException.class, () -> new OneHot(4).encode(5, 1));
    }
}
