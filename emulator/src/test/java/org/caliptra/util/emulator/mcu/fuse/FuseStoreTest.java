package org.caliptra.util.emulator.mcu.fuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuseStoreTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsWrittenAtOnceAndEveryBurnRewritesIt() throws IOException {
        Path file = dir.resolve("part.otp");
        var store = FuseStore.open(file, Otp::blank);
        assertTrue(Files.exists(file));
        store.otp().write(FuseMap.SOC_STEPPING_ID.wordAddress(), 0xAB, -1);
        store.otp().lock(OtpPartition.VENDOR_TEST);
        store.writeDotBlob(filled(168, 7));

        var again = FuseStore.open(file, () -> {
            throw new AssertionError("an existing file must be loaded, not recreated");
        });
        assertEquals(0xAB, again.otp().readWord(FuseMap.SOC_STEPPING_ID.wordAddress()));
        assertTrue(again.otp().locked(OtpPartition.VENDOR_TEST));
        assertArrayEquals(filled(168, 7), again.dotBlob().orElseThrow());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theFileFollowsTheDocumentedLayout() throws Exception {
        Path file = dir.resolve("layout.otp");
        var store = FuseStore.open(file, Otp::blank);
        store.otp().write(1, 0x0403_0201, -1);
        byte[] bytes = Files.readAllBytes(file);
        var in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        in.get(magic);
        assertEquals("CPTR-OTP", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, in.getInt());
        assertEquals(0xCD8, in.getInt());
        assertEquals(0x01, bytes[16 + 4]);
        assertEquals(0x04, bytes[16 + 7]);
        in.position(16 + 0xCD8);
        assertEquals(0, in.getInt(), "no DOT blob yet");
        byte[] sha = MessageDigest.getInstance("SHA-384").digest(Arrays.copyOf(bytes, bytes.length - 48));
        assertArrayEquals(sha, Arrays.copyOfRange(bytes, bytes.length - 48, bytes.length));
        assertEquals(16 + 0xCD8 + 4 + 48, bytes.length);
    }

    @Test
    void aDamagedFileIsRefusedWithItsName() throws IOException {
        Path file = dir.resolve("damaged.otp");
        FuseStore.open(file, Otp::blank);
        byte[] bytes = Files.readAllBytes(file);
        bytes[100] ^= 1;
        Files.write(file, bytes);
        var e = assertThrows(UncheckedIOException.class, () -> FuseStore.open(file, Otp::blank));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("SHA-384"), e.getMessage());

        Files.write(file, "not a fuse store at all, but long enough to be mistaken for one".repeat(100).getBytes(StandardCharsets.US_ASCII));
        var magic = assertThrows(UncheckedIOException.class, () -> FuseStore.open(file, Otp::blank));
        assertTrue(magic.getMessage().contains("CPTR-OTP"), magic.getMessage());
    }

    @Test
    void aStoreWithoutAFileKeepsItsStateInMemory() {
        var store = FuseStore.inMemory(Otp.blank());
        store.otp().write(3, 1, 1);
        assertFalse(store.file().isPresent());
        assertEquals(1, store.otp().readWord(3));
        assertFalse(store.dotBlob().isPresent());
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
