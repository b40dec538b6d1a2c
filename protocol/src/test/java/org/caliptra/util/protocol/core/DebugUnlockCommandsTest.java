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
import static org.caliptra.util.protocol.codec.CodecChecks.rejectsWrongResponseSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.zeroAt;
import static org.caliptra.util.protocol.core.DebugUnlockCommands.MANUF_DEBUG_UNLOCK_REQ_TOKEN;
import static org.caliptra.util.protocol.core.DebugUnlockCommands.PRODUCTION_AUTH_DEBUG_UNLOCK_REQ;
import static org.caliptra.util.protocol.core.DebugUnlockCommands.PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.caliptra.util.protocol.codec.CodecChecks.Wire;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ManufDebugUnlockToken;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockChallenge;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockRequest;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockToken;
import org.junit.jupiter.api.Test;

class DebugUnlockCommandsTest {
    /** The ML-DSA signature slot's reserved byte: after length, udi, level, reserved, challenge, ECC key, ML-DSA key, ECC signature. */
    private static final int TOKEN_SLOT_PAD = 4 + 32 + 1 + 3 + 48 + 96 + 2592 + 96 + 4627;

    @Test
    void sizesFollowTheSpecLayouts() {
        assertSizes(MANUF_DEBUG_UNLOCK_REQ_TOKEN.request(), 32, 32);
        assertSizes(MANUF_DEBUG_UNLOCK_REQ_TOKEN.response(), 0, 0);
        // length:u32, unlock_level:u8, reserved:u8[3].
        assertSizes(PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.request(), 4 + 1 + 3, 4 + 1 + 3);
        // length:u32, unique_device_identifier:u8[32], challenge:u8[48].
        assertSizes(PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.response(), 4 + 32 + 48, 4 + 32 + 48);
        // length, udi[32], level:u8, rsvd[3], challenge[48], ecc_public_key:u32[24], mldsa_public_key:u32[648],
        // ecc_signature:u32[24], mldsa_signature:u32[1157].
        int token = 4 + 32 + 1 + 3 + 48 + 24 * 4 + 648 * 4 + 24 * 4 + 1157 * 4;
        assertSizes(PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN.request(), token, token);
        assertSizes(PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN.response(), 0, 0);
        // The length fields count the dwords after the checksum / header.
        assertEquals(8 / 4, ProductionAuthDebugUnlockRequest.LENGTH_DWORDS);
        assertEquals(84 / 4, ProductionAuthDebugUnlockChallenge.LENGTH_DWORDS);
        assertEquals(token / 4, ProductionAuthDebugUnlockToken.LENGTH_DWORDS);
    }

    @Test
    void manufacturingTokenHandVector() {
        var token = new ManufDebugUnlockToken(counting(0x40, 32));
        byte[] expected = new Wire().counting(0x40, 32).bytes();
        assertArrayEquals(expected, MANUF_DEBUG_UNLOCK_REQ_TOKEN.encodeRequest(token));
        assertEquals(token, MANUF_DEBUG_UNLOCK_REQ_TOKEN.decodeRequest(expected));
        assertMessage(rejectsRequest(MANUF_DEBUG_UNLOCK_REQ_TOKEN, new byte[31]),
                "MANUF_DEBUG_UNLOCK_REQ_TOKEN request: 31 bytes, expected exactly 32; field 'token' at offset 0 needs 32 bytes, only 31 remain");
        rejectsWrongRequestSizes(MANUF_DEBUG_UNLOCK_REQ_TOKEN, expected);
    }

    @Test
    void challengeRequestAndResponseHandVectors() {
        byte[] request = new Wire().hex("02000000 05 000000").bytes();
        assertArrayEquals(request, PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.encodeRequest(ProductionAuthDebugUnlockRequest.of(5)));
        assertEquals(ProductionAuthDebugUnlockRequest.of(5), PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.decodeRequest(request));
        var challenge = new ProductionAuthDebugUnlockChallenge(21, counting(0, 32), counting(0x80, 48));
        byte[] response = new Wire().hex("15000000").counting(0, 32).counting(0x80, 48).bytes();
        assertArrayEquals(response, PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.encodeResponse(challenge));
        assertEquals(challenge, PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.decodeResponse(response));
        randomBytesSurvive(PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.request(), 60);
        randomBytesSurvive(PRODUCTION_AUTH_DEBUG_UNLOCK_REQ.response(), 61);
        rejectsWrongRequestSizes(PRODUCTION_AUTH_DEBUG_UNLOCK_REQ, request);
        rejectsWrongResponseSizes(PRODUCTION_AUTH_DEBUG_UNLOCK_REQ, response);
        var e = assertThrows(IllegalArgumentException.class, () -> ProductionAuthDebugUnlockRequest.of(256));
        assertTrue(e.getMessage().startsWith("unlock_level"), e.getMessage());
    }

    @Test
    void tokenCarriesEccFieldsAsBigEndianWordsAndMldsaFieldsRaw() {
        var random = new Random(62);
        var mldsaKey = random(random, 2592);
        var mldsaSig = random(random, 4627);
        var token = new ProductionAuthDebugUnlockToken(1875, fill(0xD1, 32), 3, fill(0, 3), fill(0xC4, 48), counting(0, 96),
                mldsaKey, counting(0x60, 96), mldsaSig);
        var expected = new Wire().hex("53070000").fill(0xD1, 32).u8(3).fill(0, 3).fill(0xC4, 48);
        // ECC P-384 key X ‖ Y: each 4-byte group of the standard encoding reversed (runtime README).
        for (int i = 0; i < 96; i += 4) {
            expected.u8(i + 3).u8(i + 2).u8(i + 1).u8(i);
        }
        expected.raw(mldsaKey);
        for (int i = 0x60; i < 0x60 + 96; i += 4) {
            expected.u8(i + 3).u8(i + 2).u8(i + 1).u8(i);
        }
        expected.raw(mldsaSig).u8(0);
        byte[] bytes = PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN.encodeRequest(token);
        assertArrayEquals(expected.bytes(), bytes);
        assertEquals(token, PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN.decodeRequest(bytes));
        randomBytesSurvive(PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN.request(), 63, zeroAt(TOKEN_SLOT_PAD));
        assertMessage(rejectsRequest(PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN, Arrays.copyOf(bytes, 7499)),
                "PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN request: 7499 bytes, expected exactly 7500; field 'mldsa_signature' at offset 7499 needs 1 bytes, only 0 remain");
        rejectsRequest(PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN, Arrays.copyOf(bytes, 7501));
        rejectsResponse(PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN, new byte[4]);
        var e = assertThrows(IllegalArgumentException.class, () -> new ProductionAuthDebugUnlockToken(1875, fill(0, 32), 3,
                fill(0, 3), fill(0, 48), fill(0, 95), mldsaKey, fill(0, 96), mldsaSig));
        assertTrue(e.getMessage().startsWith("ecc_public_key"), e.getMessage());
    }
}
