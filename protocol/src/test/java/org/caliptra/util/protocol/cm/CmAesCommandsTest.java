package org.caliptra.util.protocol.cm;

import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_DECRYPT_INIT;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_DECRYPT_UPDATE;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_ENCRYPT_INIT;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_ENCRYPT_UPDATE;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_DECRYPT_DMA;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_DECRYPT_FINAL;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_DECRYPT_INIT;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_DECRYPT_UPDATE;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_ENCRYPT_FINAL;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_ENCRYPT_INIT;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_ENCRYPT_UPDATE;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_SPDM_DECRYPT_INIT;
import static org.caliptra.util.protocol.cm.CmAesCommands.CM_AES_GCM_SPDM_ENCRYPT_INIT;
import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertFieldError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizeError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.assertTrailingError;
import static org.caliptra.util.protocol.codec.CodecChecks.cmk;
import static org.caliptra.util.protocol.codec.CodecChecks.concat;
import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.hexFill;
import static org.caliptra.util.protocol.codec.CodecChecks.le32;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTripRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTripResponse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAesCommands.AesContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.AesEncryptInitResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.AesGcmContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesOutput;
import org.caliptra.util.protocol.cm.CmAesCommands.AesUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptDmaRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptFinalRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptFinalResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmDecryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmEncryptFinalResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmEncryptInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmInitResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmSpdmInitRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateRequest;
import org.caliptra.util.protocol.cm.CmAesCommands.GcmUpdateResponse;
import org.caliptra.util.protocol.cm.CmAesCommands.TagVerified;
import org.junit.jupiter.api.Test;

class CmAesCommandsTest {
    private static final AesContext CTX = new AesContext(fill(0xA5, 156));
    private static final AesGcmContext GCM = new AesGcmContext(fill(0x5C, 128));

    @Test
    void sizesFollowTheLayouts() {
        // cmk 128 + mode 4 + plaintext_size 4 + plaintext[0..4096]
        assertSizes(CM_AES_ENCRYPT_INIT.request(), 128 + 4 + 4, 128 + 4 + 4 + 4096);
        // context 156 + iv 16 + ciphertext_size 4 + ciphertext[0..4096]
        assertSizes(CM_AES_ENCRYPT_INIT.response(), 156 + 16 + 4, 156 + 16 + 4 + 4096);
        // context 156 + size 4 + data[0..4096], both ways
        assertSizes(CM_AES_ENCRYPT_UPDATE.request(), 156 + 4, 156 + 4 + 4096);
        assertSizes(CM_AES_ENCRYPT_UPDATE.response(), 156 + 4, 156 + 4 + 4096);
        // cmk 128 + mode 4 + iv 16 + ciphertext_size 4 + ciphertext[0..4096]
        assertSizes(CM_AES_DECRYPT_INIT.request(), 128 + 4 + 16 + 4, 128 + 4 + 16 + 4 + 4096);
        assertSizes(CM_AES_DECRYPT_INIT.response(), 156 + 4, 156 + 4 + 4096);
        assertSizes(CM_AES_DECRYPT_UPDATE.request(), 156 + 4, 156 + 4 + 4096);
        assertSizes(CM_AES_DECRYPT_UPDATE.response(), 156 + 4, 156 + 4 + 4096);
        // flags 4 + cmk 128 + aad_size 4 + aad[0..4096]; context 128 + iv 12
        assertSizes(CM_AES_GCM_ENCRYPT_INIT.request(), 4 + 128 + 4, 4 + 128 + 4 + 4096);
        assertSizes(CM_AES_GCM_ENCRYPT_INIT.response(), 128 + 12, 128 + 12);
        // spdm_flags 4 + spdm_counter 8 + cmk 128 + aad_size 4 + aad[0..4096]; context 128
        assertSizes(CM_AES_GCM_SPDM_ENCRYPT_INIT.request(), 4 + 8 + 128 + 4, 4 + 8 + 128 + 4 + 4096);
        assertSizes(CM_AES_GCM_SPDM_ENCRYPT_INIT.response(), 128, 128);
        assertSizes(CM_AES_GCM_SPDM_DECRYPT_INIT.request(), 4 + 8 + 128 + 4, 4 + 8 + 128 + 4 + 4096);
        assertSizes(CM_AES_GCM_SPDM_DECRYPT_INIT.response(), 128, 128);
        // context 128 + size 4 + input[0..4096]; output up to 4096 + 16 (one buffered block)
        assertSizes(CM_AES_GCM_ENCRYPT_UPDATE.request(), 128 + 4, 128 + 4 + 4096);
        assertSizes(CM_AES_GCM_ENCRYPT_UPDATE.response(), 128 + 4, 128 + 4 + 4112);
        assertSizes(CM_AES_GCM_ENCRYPT_FINAL.request(), 128 + 4, 128 + 4 + 4096);
        // tag 16 + ciphertext_size 4 + ciphertext[0..4112]
        assertSizes(CM_AES_GCM_ENCRYPT_FINAL.response(), 16 + 4, 16 + 4 + 4112);
        // flags 4 + cmk 128 + iv 12 + aad_size 4 + aad[0..4096]
        assertSizes(CM_AES_GCM_DECRYPT_INIT.request(), 4 + 128 + 12 + 4, 4 + 128 + 12 + 4 + 4096);
        assertSizes(CM_AES_GCM_DECRYPT_INIT.response(), 128 + 12, 128 + 12);
        assertSizes(CM_AES_GCM_DECRYPT_UPDATE.request(), 128 + 4, 128 + 4 + 4096);
        assertSizes(CM_AES_GCM_DECRYPT_UPDATE.response(), 128 + 4, 128 + 4 + 4112);
        // context 128 + tag_len 4 + tag 16 + ciphertext_size 4 + ciphertext[0..4096]
        assertSizes(CM_AES_GCM_DECRYPT_FINAL.request(), 128 + 4 + 16 + 4, 128 + 4 + 16 + 4 + 4096);
        // tag_verified 4 + plaintext_size 4 + plaintext[0..4112]
        assertSizes(CM_AES_GCM_DECRYPT_FINAL.response(), 4 + 4, 4 + 4 + 4112);
        // cmk 128 + iv 12 + tag 16 + sha384 48 + axi_addr_lo/hi 8 + length 4 + aad_length 4 + aad[0..4096]
        assertSizes(CM_AES_GCM_DECRYPT_DMA.request(), 128 + 12 + 16 + 48 + 8 + 4 + 4, 128 + 12 + 16 + 48 + 8 + 4 + 4 + 4096);
        assertSizes(CM_AES_GCM_DECRYPT_DMA.response(), 4, 4);
    }

    @Test
    void cbcRequestsByHand() {
        var init = AesEncryptInitRequest.of(cmk(0x0C), AesMode.CBC, counting(0, 16));
        // cmk, mode 1 (CBC), plaintext_size 16, plaintext
        assertArrayEquals(hex(hexFill(0x0C, 128) + "01000000 10000000 000102030405060708090a0b0c0d0e0f"),
                roundTripRequest(CM_AES_ENCRYPT_INIT, init));
        var response = new AesEncryptInitResponse(CTX, counting(0x10, 16), Octets.fromHex("cafe"));
        assertArrayEquals(hex(hexFill(0xA5, 156) + "101112131415161718191a1b1c1d1e1f 02000000 cafe"),
                roundTripResponse(CM_AES_ENCRYPT_INIT, response));
        var decrypt = AesDecryptInitRequest.of(cmk(0x0D), AesMode.CTR, fill(0x77, 16), Octets.fromHex("01"));
        assertArrayEquals(hex(hexFill(0x0D, 128) + "02000000" + hexFill(0x77, 16) + "01000000 01"), roundTripRequest(CM_AES_DECRYPT_INIT, decrypt));
        assertEquals(Optional.of(AesMode.CTR), CM_AES_DECRYPT_INIT.decodeRequest(hex(hexFill(0x0D, 128) + "02000000" + hexFill(0x77, 16) + "00000000")).aesMode());
    }

    @Test
    void gcmRequestsByHand() {
        // spdm_flags: version 0x13, little-endian counter; counter 1 as u64 LE
        var spdm = GcmSpdmInitRequest.of(0x13, false, 1, cmk(0x33), Octets.fromHex("ab"));
        assertArrayEquals(hex("13000000 0100000000000000" + hexFill(0x33, 128) + "01000000 ab"), roundTripRequest(CM_AES_GCM_SPDM_ENCRYPT_INIT, spdm));
        // version 0x12 with the big-endian flag (bit 8) = 0x112
        var bigEndian = GcmSpdmInitRequest.of(0x12, true, 0x0102_0304_0506_0708L, cmk(0x34), Octets.zeros(0));
        byte[] wire = roundTripRequest(CM_AES_GCM_SPDM_DECRYPT_INIT, bigEndian);
        assertArrayEquals(hex("12010000 0807060504030201" + hexFill(0x34, 128) + "00000000"), wire);
        var back = CM_AES_GCM_SPDM_DECRYPT_INIT.decodeRequest(wire);
        assertEquals(0x12, back.spdmVersion());
        assertTrue(back.counterBigEndian());
        assertEquals(0x0102_0304_0506_0708L, back.counter());
        // a 12-byte tag is right-padded with zeros to 16 and tag_len says 12
        var fin = GcmDecryptFinalRequest.of(GCM, counting(0xA0, 12), Octets.fromHex("00ff"));
        assertArrayEquals(hex(hexFill(0x5C, 128) + "0c000000 a0a1a2a3a4a5a6a7a8a9aaab00000000 02000000 00ff"),
                roundTripRequest(CM_AES_GCM_DECRYPT_FINAL, fin));
        var decryptInit = new GcmDecryptInitRequest(0, cmk(0x44), counting(1, 12), Octets.zeros(0));
        assertArrayEquals(hex("00000000" + hexFill(0x44, 128) + "0102030405060708090a0b0c 00000000"),
                roundTripRequest(CM_AES_GCM_DECRYPT_INIT, decryptInit));
    }

    @Test
    void gcmResponsesByHand() {
        // the IV is the standard 12-byte GCM IV, not byte-reversed words
        assertArrayEquals(hex(hexFill(0x5C, 128) + "000102030405060708090a0b"),
                roundTripResponse(CM_AES_GCM_ENCRYPT_INIT, new GcmInitResponse(GCM, counting(0, 12))));
        assertArrayEquals(hex(hexFill(0x7A, 16) + "03000000 010203"),
                roundTripResponse(CM_AES_GCM_ENCRYPT_FINAL, new GcmEncryptFinalResponse(fill(0x7A, 16), counting(1, 3))));
        var verified = new GcmDecryptFinalResponse(1, Octets.fromHex("68656c6c6f"));
        assertArrayEquals(hex("01000000 05000000 68656c6c6f"), roundTripResponse(CM_AES_GCM_DECRYPT_FINAL, verified));
        assertTrue(verified.verified());
        assertFalse(new GcmDecryptFinalResponse(0, Octets.zeros(0)).verified());
    }

    @Test
    void dmaRequestByHand() {
        var dma = new GcmDecryptDmaRequest(cmk(0x01), counting(0, 12), counting(0x10, 16), fill(0xEE, 48), 0x89AB_CDEF,
                0x0123_4567, 0x1000, Octets.zeros(0));
        assertArrayEquals(hex(hexFill(0x01, 128) + "000102030405060708090a0b" + "101112131415161718191a1b1c1d1e1f" + hexFill(0xEE, 48)
                + "efcdab89 67452301 00100000 00000000"), roundTripRequest(CM_AES_GCM_DECRYPT_DMA, dma));
        assertEquals(0x0123_4567_89AB_CDEFL, dma.axiAddress());
        assertArrayEquals(hex("01000000"), roundTripResponse(CM_AES_GCM_DECRYPT_DMA, new TagVerified(1)));
        assertTrue(new TagVerified(1).verified());
    }

    @Test
    void roundTripsAtTheEdges() {
        roundTripRequest(CM_AES_ENCRYPT_UPDATE, new AesUpdateRequest(CTX, counting(0, 4096)));
        roundTripRequest(CM_AES_DECRYPT_UPDATE, new AesUpdateRequest(CTX, Octets.zeros(0)));
        roundTripResponse(CM_AES_ENCRYPT_UPDATE, new AesOutput(CTX, counting(3, 4096)));
        roundTripResponse(CM_AES_DECRYPT_INIT, new AesOutput(CTX, Octets.zeros(0)));
        roundTripRequest(CM_AES_GCM_ENCRYPT_INIT, new GcmEncryptInitRequest(0, cmk(9), counting(0, 4096)));
        roundTripRequest(CM_AES_GCM_ENCRYPT_UPDATE, new GcmUpdateRequest(GCM, counting(1, 4096)));
        roundTripResponse(CM_AES_GCM_ENCRYPT_UPDATE, new GcmUpdateResponse(GCM, counting(2, 4112)));
        roundTripResponse(CM_AES_GCM_DECRYPT_UPDATE, new GcmUpdateResponse(GCM, Octets.zeros(0)));
        roundTripResponse(CM_AES_GCM_ENCRYPT_FINAL, new GcmEncryptFinalResponse(fill(1, 16), counting(0, 4112)));
        roundTripResponse(CM_AES_GCM_DECRYPT_FINAL, new GcmDecryptFinalResponse(0, counting(0, 4112)));
        roundTripRequest(CM_AES_GCM_DECRYPT_FINAL, new GcmDecryptFinalRequest(GCM, 99, fill(2, 16), counting(0, 4096)));
        roundTripRequest(CM_AES_GCM_DECRYPT_DMA, new GcmDecryptDmaRequest(cmk(2), fill(3, 12), fill(4, 16), fill(5, 48), -1, -1, -1,
                counting(0, 4096)));
        roundTripRequest(CM_AES_GCM_SPDM_ENCRYPT_INIT, new GcmSpdmInitRequest(-1, fill(0xFF, 8), cmk(6), counting(0, 4096)));
    }

    @Test
    void randomBytesOfFixedLayoutsSurvive() {
        randomBytesSurvive(CM_AES_GCM_ENCRYPT_INIT.response(), 31);
        randomBytesSurvive(CM_AES_GCM_DECRYPT_INIT.response(), 32);
        randomBytesSurvive(CM_AES_GCM_SPDM_ENCRYPT_INIT.response(), 33);
        randomBytesSurvive(CM_AES_GCM_SPDM_DECRYPT_INIT.response(), 34);
        randomBytesSurvive(CM_AES_GCM_DECRYPT_DMA.response(), 35);
    }

    @Test
    void reservedModeAndOddTagLengthStayRaw() {
        var request = CM_AES_ENCRYPT_INIT.decodeRequest(hex(hexFill(0, 128) + "00000000 00000000"));
        assertEquals(Optional.empty(), request.aesMode());
        // tag_len 7 is the device's to refuse (RUNTIME_MAILBOX_INVALID_PARAMS)
        byte[] wire = hex(hexFill(0x5C, 128) + "07000000" + hexFill(0, 16) + "00000000");
        assertEquals(7, CM_AES_GCM_DECRYPT_FINAL.decodeRequest(wire).tagLen());
    }

    @Test
    void aFullBufferRequestIsAccepted() {
        // the runtime's own tests send CmAesGcmDecryptFinalReq whole, with ciphertext_size 0
        byte[] whole = Arrays.copyOf(hex(hexFill(0x5C, 128) + "10000000" + hexFill(0x11, 16) + "00000000"), 128 + 4 + 16 + 4 + 4096);
        assertEquals(new GcmDecryptFinalRequest(GCM, 16, fill(0x11, 16), Octets.zeros(0)), CM_AES_GCM_DECRYPT_FINAL.decodeRequest(whole));
    }

    @Test
    void truncatedMessagesFail() {
        assertSizeError("CM_AES_GCM_ENCRYPT_INIT response: 139 bytes, expected exactly 140; field 'iv' at offset 128 needs 12 bytes, only 11 remain",
                () -> CM_AES_GCM_ENCRYPT_INIT.decodeResponse(new byte[139]));
        assertSizeError("CM_AES_DECRYPT_INIT request: 151 bytes, expected 152 to 4248; field 'ciphertext_size' at offset 148 needs 4 bytes, only 3 remain", () -> CM_AES_DECRYPT_INIT.decodeRequest(new byte[151]));
        assertFieldError("CM_AES_GCM_ENCRYPT_UPDATE request", "plaintext_size", "is 16 but only 15 bytes follow",
                () -> CM_AES_GCM_ENCRYPT_UPDATE.decodeRequest(concat(new byte[128], le32(16), new byte[15])));
        assertFieldError("CM_AES_ENCRYPT_INIT response", "ciphertext_size", "is 32 but only 16 bytes follow",
                () -> CM_AES_ENCRYPT_INIT.decodeResponse(concat(new byte[156 + 16], le32(32), new byte[16])));
        assertFieldError("CM_AES_GCM_DECRYPT_DMA request", "aad_length", "is 1 but only 0 bytes follow",
                () -> CM_AES_GCM_DECRYPT_DMA.decodeRequest(concat(new byte[128 + 12 + 16 + 48 + 12], le32(1))));
    }

    @Test
    void overLongMessagesFail() {
        assertSizeError("CM_AES_GCM_DECRYPT_DMA response: 8 bytes, expected exactly 4", () -> CM_AES_GCM_DECRYPT_DMA.decodeResponse(new byte[8]));
        assertSizeError("CM_AES_ENCRYPT_UPDATE request: 4257 bytes, expected 160 to 4256",
                () -> CM_AES_ENCRYPT_UPDATE.decodeRequest(new byte[4257]));
        assertSizeError("CM_AES_GCM_DECRYPT_UPDATE response: 4245 bytes, expected 132 to 4244",
                () -> CM_AES_GCM_DECRYPT_UPDATE.decodeResponse(new byte[4245]));
        assertTrailingError("CM_AES_GCM_DECRYPT_FINAL response",
                () -> CM_AES_GCM_DECRYPT_FINAL.decodeResponse(concat(le32(1), le32(0), new byte[1])));
    }

    @Test
    void overDeclaredSizesFail() {
        assertFieldError("CM_AES_GCM_DECRYPT_UPDATE response", "plaintext_size", "is 4113, at most 4112",
                () -> CM_AES_GCM_DECRYPT_UPDATE.decodeResponse(concat(new byte[128], le32(4113), new byte[4112])));
        assertFieldError("CM_AES_DECRYPT_UPDATE request", "ciphertext_size", "is 4097, at most 4096",
                () -> CM_AES_DECRYPT_UPDATE.decodeRequest(concat(new byte[156], le32(4097), new byte[4096])));
        assertFieldError("CM_AES_GCM_SPDM_ENCRYPT_INIT request", "aad_size", "is 4294967295, at most 4096",
                () -> CM_AES_GCM_SPDM_ENCRYPT_INIT.decodeRequest(concat(new byte[4 + 8 + 128], le32(0xFFFF_FFFFL))));
    }

    @Test
    void recordsRefuseWrongSizes() {
        assertArgumentError("context", () -> new AesContext(Octets.zeros(128)));
        assertArgumentError("context", () -> new AesGcmContext(Octets.zeros(156)));
        assertArgumentError("iv", () -> new GcmInitResponse(GCM, Octets.zeros(16)));
        assertArgumentError("iv", () -> new AesDecryptInitRequest(cmk(0), 1, Octets.zeros(12), Octets.zeros(0)));
        assertArgumentError("tag", () -> GcmDecryptFinalRequest.of(GCM, Octets.zeros(17), Octets.zeros(0)));
        assertArgumentError("spdm_counter", () -> new GcmSpdmInitRequest(0x13, Octets.zeros(4), cmk(0), Octets.zeros(0)));
        assertArgumentError("encrypted_data_sha384", () -> new GcmDecryptDmaRequest(cmk(0), Octets.zeros(12), Octets.zeros(16),
                Octets.zeros(32), 0, 0, 0, Octets.zeros(0)));
        assertArgumentError("data", () -> new GcmUpdateResponse(GCM, Octets.zeros(4113)));
        assertArgumentError("plaintext", () -> new AesEncryptInitRequest(cmk(0), 1, Octets.zeros(4097)));
        assertArgumentError("spdm version", () -> GcmSpdmInitRequest.of(0x100, false, 0, cmk(0), Octets.zeros(0)));
    }
}
