package org.caliptra.util.protocol.mcu;

import static org.caliptra.util.protocol.codec.CodecChecks.assertArgumentError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertProtocolError;
import static org.caliptra.util.protocol.codec.CodecChecks.assertSizes;
import static org.caliptra.util.protocol.codec.CodecChecks.fill;
import static org.caliptra.util.protocol.codec.CodecChecks.hex;
import static org.caliptra.util.protocol.codec.CodecChecks.randomBytesSurvive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mailbox.MailboxFrame;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.AuthChallenge;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.AuthChallengeRequest;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockChallenge;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockRequest;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockToken;
import org.junit.jupiter.api.Test;

class McDebugUnlockCommandsTest {
    private static UnlockToken zeroToken(int length, int level) {
        return new UnlockToken(0, length, Octets.zeros(32), level, Octets.zeros(3), Octets.zeros(48), Octets.zeros(96),
                Octets.zeros(2592), Octets.zeros(96), Octets.zeros(4628));
    }

    @Test
    void sizes() {
        // length + unlock_level + reserved[3]
        assertSizes(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.request(), 4 + 1 + 3, 8);
        // length + unique_device_identifier[32] + challenge[48]; length counts 84 / 4 = 21 dwords
        assertSizes(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.response(), 4 + 32 + 48, 84);
        assertEquals(84 / 4, UnlockChallenge.LENGTH_DWORDS);
        // checksum + length + udi[32] + level + reserved[3] + challenge[48] + ecc_public_key u32[24]
        // + mldsa_public_key u32[648] + ecc_signature u32[24] + mldsa_signature u32[1157]
        int token = 4 + 4 + 32 + 1 + 3 + 48 + 24 * 4 + 648 * 4 + 24 * 4 + 1157 * 4;
        assertEquals(7504, token);
        assertSizes(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.request(), token, token);
        assertSizes(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.response(), 0, 0);
        assertSizes(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.request(), 4 + 4, 8); // flags + reserved
        assertSizes(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.response(), 4 + 48, 52); // reserved + challenge[48]
    }

    @Test
    void fixedLayoutsSurviveRandomBytes() {
        randomBytesSurvive(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.request(), 8, 51);
        randomBytesSurvive(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.response(), 84, 52);
        randomBytesSurvive(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.request(), 7504, 53);
        randomBytesSurvive(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.request(), 8, 54);
        randomBytesSurvive(McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.response(), 52, 55);
    }

    @Test
    void unlockRequestAndChallengeVectors() {
        byte[] request = McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.encodeRequest(UnlockRequest.of(3));
        assertArrayEquals(hex("02000000 03 000000"), request);
        // MPUR 0x4D+0x50+0x55+0x52 = 0x144, + 2 + 3 = 0x149
        assertArrayEquals(hex("B7FEFFFF 02000000 03000000"), MailboxFrame.sealRequest(McCommand.MC_PROD_DEBUG_UNLOCK_REQ.code(), request));

        var challenge = UnlockChallenge.of(fill(0x11, 32), fill(0x22, 48));
        byte[] fields = McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.encodeResponse(challenge);
        assertArrayEquals(hex("15000000" + "11".repeat(32) + "22".repeat(48)), fields);
        assertEquals(challenge, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.decodeResponse(fields));
    }

    @Test
    void tokenCarriesTheCoreChecksumOfPdut() {
        // hostlib §2.4: length 1, level 2, rest 0 -> 0 - (0x50+0x44+0x55+0x54 + 1 + 2) = 0xFFFFFEC0
        UnlockToken token = zeroToken(1, 2).withChecksum();
        assertEquals(0xFFFF_FEC0, token.checksum());
        assertTrue(token.checksumValid());
        assertFalse(zeroToken(1, 2).checksumValid());
        byte[] request = McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.encodeRequest(token);
        assertArrayEquals(hex("C0FEFFFF 01000000"), Arrays.copyOf(request, 8));
        // The MCI frame's own checksum covers the token, inner checksum included, for MPUT.
        byte[] frame = MailboxFrame.sealRequest(McCommand.MC_PROD_DEBUG_UNLOCK_TOKEN.code(), request);
        assertEquals(4 + 7504, frame.length);
        assertArrayEquals(request, MailboxFrame.openRequest(McCommand.MC_PROD_DEBUG_UNLOCK_TOKEN.code(), frame, "MPUT"));
    }

    @Test
    void tokenEccFieldsAreWordReversedAndMldsaFieldsRaw() {
        byte[] ecc = new byte[96];
        for (int i = 0; i < ecc.length; i++) {
            ecc[i] = (byte) i;
        }
        var token = new UnlockToken(0, 0, Octets.zeros(32), 1, Octets.zeros(3), Octets.zeros(48), Octets.of(ecc),
                fill(0xA5, 2592), Octets.of(ecc), fill(0x5A, 4628));
        byte[] wire = McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.encodeRequest(token);
        int eccPublicKey = 4 + 4 + 32 + 1 + 3 + 48; // 92
        int mldsaPublicKey = eccPublicKey + 96; // 188
        int eccSignature = mldsaPublicKey + 2592; // 2780
        int mldsaSignature = eccSignature + 96; // 2876
        assertArrayEquals(hex("03020100 07060504"), Arrays.copyOfRange(wire, eccPublicKey, eccPublicKey + 8));
        assertArrayEquals(hex("5F5E5D5C"), Arrays.copyOfRange(wire, mldsaPublicKey - 4, mldsaPublicKey));
        assertEquals((byte) 0xA5, wire[mldsaPublicKey]);
        assertArrayEquals(hex("03020100"), Arrays.copyOfRange(wire, eccSignature, eccSignature + 4));
        assertEquals((byte) 0x5A, wire[mldsaSignature]);
        assertEquals(token, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.decodeRequest(wire));
    }

    @Test
    void authChallengeVectors() {
        // MACC 0x4D+0x41+0x43+0x43 = 0x114
        assertArrayEquals(hex("ECFEFFFF 00000000 00000000"), MailboxFrame.sealRequest(McCommand.MC_GET_AUTH_CMD_CHALLENGE.code(),
                McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.encodeRequest(AuthChallengeRequest.DEFAULT)));
        var challenge = AuthChallenge.of(fill(0xC3, 48));
        byte[] fields = McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.encodeResponse(challenge);
        assertArrayEquals(hex("00000000" + "C3".repeat(48)), fields);
        assertEquals(challenge, McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.decodeResponse(fields));
    }

    @Test
    void refusesWrongSizesAndFields() {
        assertProtocolError(() -> McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.decodeRequest(new byte[7503]),
                "MC_PROD_DEBUG_UNLOCK_TOKEN request: 7503 bytes, expected exactly 7504");
        // The common-commands doc's 6200-byte figure is the old offset table; it is not a valid token.
        assertProtocolError(() -> McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.decodeRequest(new byte[6200]),
                "MC_PROD_DEBUG_UNLOCK_TOKEN request: 6200 bytes");
        assertProtocolError(() -> McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ.decodeResponse(new byte[85]),
                "MC_PROD_DEBUG_UNLOCK_REQ response: 85 bytes, expected exactly 84");
        assertProtocolError(() -> McDebugUnlockCommands.MC_GET_AUTH_CMD_CHALLENGE.decodeResponse(new byte[48]),
                "MC_GET_AUTH_CMD_CHALLENGE response: 48 bytes, expected exactly 52");
        assertArgumentError("unlock_level", () -> UnlockRequest.of(256));
        assertArgumentError("reserved", () -> new UnlockRequest(2, 1, Octets.zeros(4)));
        assertArgumentError("unique_device_identifier", () -> UnlockChallenge.of(Octets.zeros(31), Octets.zeros(48)));
        assertArgumentError("challenge", () -> AuthChallenge.of(Octets.zeros(32)));
        assertArgumentError("mldsa_signature", () -> new UnlockToken(0, 0, Octets.zeros(32), 1, Octets.zeros(3), Octets.zeros(48), Octets.zeros(96),
                Octets.zeros(2592), Octets.zeros(96), Octets.zeros(4627)));
    }
}
