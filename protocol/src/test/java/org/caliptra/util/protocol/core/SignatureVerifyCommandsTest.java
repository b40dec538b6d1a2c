package org.caliptra.util.protocol.core;

import static org.caliptra.util.protocol.codec.CodecChecks.assertMessage;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.counting;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.random;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsRequest;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsResponse;
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongRequestSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.roundTrip;
import static org.caliptra.util.protocol.codec.CodecChecks.zeroAt;
import static org.caliptra.util.protocol.core.SignatureVerifyCommands.ECDSA384_SIGNATURE_VERIFY;
import static org.caliptra.util.protocol.core.SignatureVerifyCommands.ECDSA384_VERIFY;
import static org.caliptra.util.protocol.core.SignatureVerifyCommands.LMS_SIGNATURE_VERIFY;
import static org.caliptra.util.protocol.core.SignatureVerifyCommands.LMS_VERIFY;
import static org.caliptra.util.protocol.core.SignatureVerifyCommands.MLDSA87_SIGNATURE_VERIFY;
import static org.caliptra.util.protocol.core.SignatureVerifyCommands.MLDSA87_VERIFY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384SignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Ecdsa384VerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsSignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Mldsa87SignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.Mldsa87VerifyRequest;
import org.junit.jupiter.api.Test;

class SignatureVerifyCommandsTest {
    private static final Ecdsa384VerifyRequest ECDSA = new Ecdsa384VerifyRequest(counting(0x00, 48), counting(0x30, 48),
            counting(0x60, 48), counting(0x90, 48));

    private static LmsVerifyRequest lms(Random random) {
        return new LmsVerifyRequest(LmsVerifyRequest.LMS_SHA256_N24_H15, LmsVerifyRequest.LMOTS_SHA256_N24_W4,
                random(random, 16), random(random, 24), 0x1234, random(random, 1252), LmsVerifyRequest.LMS_SHA256_N24_H15,
                random(random, 360));
    }

    @Test
    void sizesAreTheSpecTotalsLessTheChecksum() {
        assertSizes(ECDSA384_VERIFY.request(), 196 - 4, 196 - 4);
        assertSizes(ECDSA384_SIGNATURE_VERIFY.request(), 244 - 4, 244 - 4);
        assertSizes(LMS_VERIFY.request(), 1672 - 4, 1672 - 4);
        assertSizes(LMS_SIGNATURE_VERIFY.request(), 1720 - 4, 1720 - 4);
        // pub_key:u8[2592], signature:u8[4627], pad:u8.
        assertSizes(MLDSA87_VERIFY.request(), 2592 + 4627 + 1, 2592 + 4627 + 1);
        // pub_key:u8[2592], signature:u8[4628], message_size:u32, message:u8[≤4096].
        assertSizes(MLDSA87_SIGNATURE_VERIFY.request(), 2592 + 4628 + 4, 2592 + 4628 + 4 + 4096);
        for (var c : List.of(ECDSA384_VERIFY.response(), ECDSA384_SIGNATURE_VERIFY.response(), LMS_VERIFY.response(),
                LMS_SIGNATURE_VERIFY.response(), MLDSA87_VERIFY.response(), MLDSA87_SIGNATURE_VERIFY.response())) {
            assertSizes(c, 0, 0);
        }
    }

    @Test
    void codesDifferByGeneration() {
        assertEquals(0x5349_4756, ECDSA384_VERIFY.code());
        assertEquals(0x4543_5632, ECDSA384_SIGNATURE_VERIFY.code());
        assertEquals(0x4C4D_5356, LMS_VERIFY.code());
        assertEquals(0x4C4D_5632, LMS_SIGNATURE_VERIFY.code());
        assertEquals(0x4D44_5356, MLDSA87_VERIFY.code());
        assertEquals(0x4D4C_5632, MLDSA87_SIGNATURE_VERIFY.code());
    }

    @Test
    void ecdsaFieldsArePlainBigEndianBytes() {
        var request = new Ecdsa384SignatureVerifyRequest(ECDSA, fill(0xA5, 48));
        // Key, signature and hash go out exactly as given: no per-word swapping for u8[48] fields.
        byte[] expected = new Wire().counting(0x00, 48).counting(0x30, 48).counting(0x60, 48).counting(0x90, 48)
                .fill(0xA5, 48).bytes();
        assertArrayEquals(expected, ECDSA384_SIGNATURE_VERIFY.encodeRequest(request));
        assertEquals(request, ECDSA384_SIGNATURE_VERIFY.decodeRequest(expected));
        assertArrayEquals(Arrays.copyOf(expected, 192), ECDSA384_VERIFY.encodeRequest(ECDSA));
        assertEquals(ECDSA, ECDSA384_VERIFY.decodeRequest(Arrays.copyOf(expected, 192)));
    }

    @Test
    void ecdsaRejectsWrongSizes() {
        byte[] valid = ECDSA384_SIGNATURE_VERIFY.encodeRequest(new Ecdsa384SignatureVerifyRequest(ECDSA, fill(1, 48)));
        assertMessage(rejectsRequest(ECDSA384_SIGNATURE_VERIFY, Arrays.copyOf(valid, 239)),
                "ECDSA384_SIGNATURE_VERIFY request: 239 bytes, expected exactly 240; field 'hash' at offset 192 needs 48 bytes, only 47 remain");
        assertMessage(rejectsRequest(ECDSA384_SIGNATURE_VERIFY, Arrays.copyOf(valid, 241)),
                "ECDSA384_SIGNATURE_VERIFY request: 241 bytes, expected exactly 240");
        // A 1.x SIGV request is not an ECV2 one.
        rejectsRequest(ECDSA384_SIGNATURE_VERIFY, ECDSA384_VERIFY.encodeRequest(ECDSA));
        rejectsWrongRequestSizes(ECDSA384_VERIFY, ECDSA384_VERIFY.encodeRequest(ECDSA));
        var e = assertThrows(IllegalArgumentException.class, () -> new Ecdsa384SignatureVerifyRequest(ECDSA, fill(0, 32)));
        assertTrue(e.getMessage().startsWith("hash"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ecdsa384VerifyRequest(fill(0, 48), fill(0, 48), fill(0, 48), fill(0, 49)));
    }

    @Test
    void lmsHandVectorPlacesEveryField() {
        var request = new LmsVerifyRequest(12, 7, fill(0x1D, 16), fill(0x7E, 24), 0x0000_4321, fill(0x05, 1252), 12,
                fill(0xA7, 360));
        byte[] expected = new Wire().hex("0C000000 07000000").fill(0x1D, 16).fill(0x7E, 24).hex("21430000").fill(0x05, 1252)
                .hex("0C000000").fill(0xA7, 360).bytes();
        assertArrayEquals(expected, LMS_VERIFY.encodeRequest(request));
        assertEquals(request, LMS_VERIFY.decodeRequest(expected));
        var v2 = new LmsSignatureVerifyRequest(request, fill(0x48, 48));
        byte[] expectedV2 = new Wire().raw(expected).fill(0x48, 48).bytes();
        assertArrayEquals(expectedV2, LMS_SIGNATURE_VERIFY.encodeRequest(v2));
        assertEquals(v2, LMS_SIGNATURE_VERIFY.decodeRequest(expectedV2));
        rejectsWrongRequestSizes(LMS_SIGNATURE_VERIFY, expectedV2);
        rejectsWrongRequestSizes(LMS_VERIFY, expected);
    }

    @Test
    void fixedLayoutsRoundTripRandomBytes() {
        randomBytesSurvive(ECDSA384_VERIFY.request(), 20);
        randomBytesSurvive(ECDSA384_SIGNATURE_VERIFY.request(), 21);
        randomBytesSurvive(LMS_VERIFY.request(), 22);
        randomBytesSurvive(LMS_SIGNATURE_VERIFY.request(), 23);
        // The pad byte after the ML-DSA signature is reserved (always sent as zero).
        randomBytesSurvive(MLDSA87_VERIFY.request(), 24, zeroAt(2592 + 4627));
        roundTrip(LMS_SIGNATURE_VERIFY.request(), new LmsSignatureVerifyRequest(lms(new Random(25)), fill(3, 48)));
    }

    @Test
    void mldsaVerifyV1Layout() {
        var random = new Random(26);
        var request = new Mldsa87VerifyRequest(random(random, 2592), random(random, 4627));
        byte[] bytes = roundTrip(MLDSA87_VERIFY.request(), request);
        assertArrayEquals(request.pubKey().toByteArray(), Arrays.copyOf(bytes, 2592));
        assertEquals(0, bytes[7219]);
        rejectsWrongRequestSizes(MLDSA87_VERIFY, bytes);
        assertThrows(IllegalArgumentException.class, () -> new Mldsa87VerifyRequest(fill(0, 2592), fill(0, 4628)));
    }

    @Test
    void mldsaSignatureVerifySendsTheUsedMessage() {
        var random = new Random(27);
        var request = new Mldsa87SignatureVerifyRequest(random(random, 2592), random(random, 4627), Octets.fromHex("616263"));
        byte[] bytes = MLDSA87_SIGNATURE_VERIFY.encodeRequest(request);
        byte[] expected = new Wire().raw(request.pubKey()).raw(request.signature()).u8(0).hex("03000000 616263").bytes();
        assertArrayEquals(expected, bytes);
        assertEquals(request, MLDSA87_SIGNATURE_VERIFY.decodeRequest(bytes));
        // The whole 4096-byte message buffer is accepted too.
        assertEquals(request, MLDSA87_SIGNATURE_VERIFY.decodeRequest(Arrays.copyOf(bytes, 2592 + 4628 + 4 + 4096)));
        roundTrip(MLDSA87_SIGNATURE_VERIFY.request(), new Mldsa87SignatureVerifyRequest(request.pubKey(), request.signature(),
                random(random, 4096)));
        roundTrip(MLDSA87_SIGNATURE_VERIFY.request(), new Mldsa87SignatureVerifyRequest(request.pubKey(), request.signature(),
                Octets.zeros(0)));
    }

    @Test
    void mldsaSignatureVerifyRejectsShortMessages() {
        var random = new Random(28);
        var request = new Mldsa87SignatureVerifyRequest(random(random, 2592), random(random, 4627), fill(9, 10));
        byte[] bytes = MLDSA87_SIGNATURE_VERIFY.encodeRequest(request);
        assertMessage(rejectsRequest(MLDSA87_SIGNATURE_VERIFY, Arrays.copyOf(bytes, bytes.length - 1)),
                "MLDSA87_SIGNATURE_VERIFY request: field 'message' at offset 7224 needs 10 bytes, only 9 remain");
        byte[] oversize = bytes.clone();
        oversize[7220] = 0x01;
        oversize[7221] = 0x10;
        assertMessage(rejectsRequest(MLDSA87_SIGNATURE_VERIFY, oversize),
                "MLDSA87_SIGNATURE_VERIFY request: field 'message_size' at offset 7220 is 4097, at most 4096");
        assertMessage(rejectsRequest(MLDSA87_SIGNATURE_VERIFY, new byte[7223]),
                "MLDSA87_SIGNATURE_VERIFY request: 7223 bytes, expected 7224 to 11320; field 'message_size' at offset 7220 needs 4 bytes, only 3 remain");
        assertThrows(IllegalArgumentException.class, () -> new Mldsa87SignatureVerifyRequest(request.pubKey(),
                request.signature(), fill(0, 4097)));
    }

    @Test
    void responsesAreTheHeaderAlone() {
        assertEquals(NoFields.INSTANCE, ECDSA384_SIGNATURE_VERIFY.decodeResponse(new byte[0]));
        rejectsResponse(LMS_SIGNATURE_VERIFY, new byte[4]);
    }
}
