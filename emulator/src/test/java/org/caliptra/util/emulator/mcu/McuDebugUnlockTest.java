package org.caliptra.util.emulator.mcu;

import static org.caliptra.util.protocol.error.CaliptraError.MCU_MBOX_INVALID_PARAMS;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_DEBUG_UNLOCK_INVALID_LIFECYCLE;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_DEBUG_UNLOCK_NO_CHALLENGE;
import static org.caliptra.util.protocol.error.CaliptraError.RUNTIME_INVALID_CHECKSUM;
import static org.caliptra.util.protocol.error.CaliptraError.SS_DBG_UNLOCK_INVALID_REQ_REG_VALUE;
import static org.caliptra.util.protocol.error.CaliptraError.SS_DBG_UNLOCK_PROD_DISABLED;
import static org.caliptra.util.protocol.error.CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_REQ;
import static org.caliptra.util.protocol.error.CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE;
import static org.caliptra.util.protocol.error.CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_INVALID_SIGNATURE;
import static org.caliptra.util.protocol.error.CaliptraError.SS_DBG_UNLOCK_PROD_INVALID_TOKEN_WRONG_PUBLIC_KEYS;
import static org.caliptra.util.protocol.error.CaliptraError.SS_DBG_UNLOCK_REQ_BIT_NOT_SET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.caliptra.util.emulator.CaliptraDevice;
import org.caliptra.util.emulator.DeviceConfig;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.emulator.mcu.fuse.FuseStore;
import org.caliptra.util.emulator.mcu.fuse.SubsystemFuses;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockChallenge;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockRequest;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockToken;
import org.caliptra.util.protocol.regs.Lifecycle;
import org.caliptra.util.protocol.regs.SocIfcRegs;
import org.caliptra.util.soc.fuses.FuseSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production debug unlock through the MCU on a production part whose level-2 debug key hash is
 * fused: the request/token exchange, the registers it leaves, and each refusal with the core's code.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class McuDebugUnlockTest {
    // soc_ifc subsystem registers, from caliptra-sw hw/latest/registers/src/soc_ifc.rs.
    private static final int SS_DEBUG_INTENT = SocIfcRegs.BASE + 0x530;
    private static final int SS_DBG_SERVICE_REG_REQ = SocIfcRegs.BASE + 0x5C0;
    private static final int SS_DBG_SERVICE_REG_RSP = SocIfcRegs.BASE + 0x5C4;
    private static final int SS_SOC_DBG_UNLOCK_LEVEL = SocIfcRegs.BASE + 0x5C8;
    private static final int PROD_REQ = 1 << 1;
    private static final int RSP_SUCCESS = 1 << 3;
    private static final int RSP_FAIL = 1 << 4;
    private static final int RSP_IN_PROGRESS = 1 << 5;
    private static final int RSP_TAP_MAILBOX = 1 << 9;

    private static final HybridKeys LEVEL2 = HybridKeys.generate();
    /** UEID type 1, serial 01 02 … 10: cert attr words 11 (type) and 12..15 (serial, little-endian within each word). */
    private static final byte[] EXPECTED_UDI = HexFormat.of().parseHex(
            "01" + "0102030405060708090a0b0c0d0e0f10" + "00".repeat(15));

    @TempDir
    Path dir;
    private CaliptraDevice device;
    private SubsystemClient mcu;

    @BeforeEach
    void part() {
        device = productionPart(Lifecycle.PRODUCTION);
        mcu = new SubsystemClient(device);
    }

    @AfterEach
    void close() {
        device.close();
    }

    private CaliptraDevice productionPart(Lifecycle lifecycle) {
        byte[] attr = new byte[96];
        attr[11 * 4 + 3] = 1;
        for (int i = 0; i < 16; i++) {
            // Natural form: word 12 + i/4 big-endian, so serial byte i sits at the word's byte 3 - i%4.
            attr[(12 + i / 4) * 4 + 3 - i % 4] = (byte) (i + 1);
        }
        var fuses = FuseSet.defaults(Generation.V2).toBuilder().idevidCertAttr(Octets.of(attr)).build();
        Path file = dir.resolve(lifecycle + ".otp");
        FuseStore.open(file, () -> {
            var otp = SubsystemFuses.seed(fuses);
            otp.writeBytes(FuseMap.prodDebugUnlockPkHash(2), HybridKeys.reverseWords(keysHash(LEVEL2)));
            return otp;
        });
        return CaliptraDevice.create(DeviceConfig.builder().lifecycle(lifecycle).fuses(fuses).fuseStore(file).build());
    }

    /** What the core compares with the fuse: SHA-384 of the token's ECC key words as sent, then the ML-DSA key. */
    private static byte[] keysHash(HybridKeys keys) {
        return HybridKeys.sha("SHA-384", HybridKeys.reverseWords(HybridKeys.join(keys.x(), keys.y()).toByteArray()), keys.mldsaPublic().toByteArray());
    }

    private void requestBits(int intent, int req) {
        device.write32(SS_DEBUG_INTENT, intent);
        device.write32(SS_DBG_SERVICE_REG_REQ, req);
    }

    private UnlockChallenge request(int level) {
        requestBits(1, PROD_REQ);
        return mcu.call(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(level));
    }

    private static UnlockToken token(HybridKeys keys, int level, Octets udi, Octets challenge) {
        byte[] signed = HybridKeys.concat(udi.toByteArray(), new byte[] {(byte) level, 0, 0, 0}, challenge.toByteArray());
        return tokenWith(keys, level, udi, challenge, keys.sign(HybridKeys.sha("SHA-384", signed), HybridKeys.sha("SHA-512", signed)));
    }

    private static UnlockToken tokenWith(HybridKeys keys, int level, Octets udi, Octets challenge, HybridSignature sig) {
        return new UnlockToken(0, (UnlockToken.SIZE - 4) / 4, udi, level, Octets.zeros(3), challenge, HybridKeys.join(keys.x(), keys.y()),
                keys.mldsaPublic(), HybridKeys.join(sig.eccSigR(), sig.eccSigS()), sig.mldsaSig()).withChecksum();
    }

    private void tokenFails(CaliptraError expected, UnlockToken token) {
        mcu.fails(expected, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN, token);
        assertEquals(expected.code(), device.read32(SocIfcRegs.BASE + SocIfcRegs.FW_ERROR_NON_FATAL), "CPTRA_FW_ERROR_NON_FATAL");
        assertEquals(0, device.read32(SS_SOC_DBG_UNLOCK_LEVEL), "still locked");
    }

    @Test
    void theRightKeysUnlockTheRequestedLevel() {
        var challenge = request(2);
        assertEquals(21, challenge.length());
        assertEquals(Octets.of(EXPECTED_UDI), challenge.uniqueDeviceIdentifier());
        assertFalse(challenge.challenge().isZero());
        assertEquals(RSP_TAP_MAILBOX | RSP_IN_PROGRESS, device.read32(SS_DBG_SERVICE_REG_RSP));

        mcu.call(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN, token(LEVEL2, 2, challenge.uniqueDeviceIdentifier(), challenge.challenge()));
        assertEquals(0b10, device.read32(SS_SOC_DBG_UNLOCK_LEVEL), "SS_SOC_DBG_UNLOCK_LEVEL[0] = 1 << (level - 1)");
        assertEquals(RSP_TAP_MAILBOX | RSP_SUCCESS, device.read32(SS_DBG_SERVICE_REG_RSP));
        assertNotEquals(request(2).challenge(), challenge.challenge(), "each request draws a new challenge");
    }

    @Test
    void aWrongEccSignatureIsRefused() {
        var c = request(2);
        var good = token(LEVEL2, 2, c.uniqueDeviceIdentifier(), c.challenge());
        byte[] sig = good.eccSignature().toByteArray();
        sig[20] ^= 4;
        tokenFails(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_INVALID_SIGNATURE, new UnlockToken(0, good.length(), good.uniqueDeviceIdentifier(),
                2, good.reserved(), good.challenge(), good.eccPublicKey(), good.mldsaPublicKey(), Octets.of(sig), good.mldsaSignature())
                .withChecksum());
        assertEquals(RSP_TAP_MAILBOX | RSP_FAIL, device.read32(SS_DBG_SERVICE_REG_RSP));
    }

    @Test
    void aWrongMldsaSignatureIsRefused() {
        var c = request(2);
        var good = token(LEVEL2, 2, c.uniqueDeviceIdentifier(), c.challenge());
        byte[] sig = good.mldsaSignature().toByteArray();
        sig[4000] ^= 1;
        tokenFails(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_INVALID_SIGNATURE, new UnlockToken(0, good.length(), good.uniqueDeviceIdentifier(),
                2, good.reserved(), good.challenge(), good.eccPublicKey(), good.mldsaPublicKey(), good.eccSignature(), Octets.of(sig))
                .withChecksum());
    }

    @Test
    void aStaleChallengeIsRefused() {
        var first = request(2);
        request(2);
        tokenFails(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, token(LEVEL2, 2, first.uniqueDeviceIdentifier(), first.challenge()));
    }

    @Test
    void aTokenIsGoodOnce() {
        var c = request(2);
        var token = token(LEVEL2, 2, c.uniqueDeviceIdentifier(), c.challenge());
        mcu.call(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN, token);
        mcu.fails(RUNTIME_DEBUG_UNLOCK_NO_CHALLENGE, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN, token);
    }

    @Test
    void levelsMustExistBeFusedAndMatchTheRequest() {
        requestBits(1, PROD_REQ);
        for (int level : new int[] {0, 9}) {
            mcu.fails(SS_DBG_UNLOCK_PROD_INVALID_REQ, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(level));
        }
        mcu.fails(SS_DBG_UNLOCK_PROD_DISABLED, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(3));
        assertEquals(RSP_TAP_MAILBOX, device.read32(SS_DBG_SERVICE_REG_RSP), "a refused request is no longer in progress");
        var c = request(2);
        tokenFails(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, token(LEVEL2, 3, c.uniqueDeviceIdentifier(), c.challenge()));
    }

    @Test
    void keysThatDoNotHashToTheFuseAreRefused() {
        var c = request(2);
        tokenFails(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_WRONG_PUBLIC_KEYS, token(HybridKeys.generate(), 2, c.uniqueDeviceIdentifier(),
                c.challenge()));
    }

    @Test
    void aTokenForAnotherDeviceIsRefused() {
        var c = request(2);
        byte[] udi = c.uniqueDeviceIdentifier().toByteArray();
        udi[5] ^= 1;
        tokenFails(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, token(LEVEL2, 2, Octets.of(udi), c.challenge()));
    }

    @Test
    void theTokensInnerChecksumIsTheCoresRequestChecksum() {
        var c = request(2);
        var good = token(LEVEL2, 2, c.uniqueDeviceIdentifier(), c.challenge());
        var bad = new UnlockToken(good.checksum() + 1, good.length(), good.uniqueDeviceIdentifier(), 2, good.reserved(),
                good.challenge(), good.eccPublicKey(), good.mldsaPublicKey(), good.eccSignature(), good.mldsaSignature());
        mcu.fails(RUNTIME_INVALID_CHECKSUM, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN, bad);
    }

    @Test
    void innerChecksumVector() {
        // spec/hostlib.md §2.4: length = 1, level = 2, the rest zero → 0xFFFFFEC0. By hand: the
        // bytes of "PDUT" (0x50445554 as LE bytes 54 55 44 50) sum to 0x13D, plus 01 and 02: 0x140.
        var token = new UnlockToken(0, 1, Octets.zeros(32), 2, Octets.zeros(3), Octets.zeros(48), Octets.zeros(96), Octets.zeros(2592),
                Octets.zeros(96), Octets.zeros(4628));
        int sum = 0;
        for (byte b : "TUDP".getBytes(StandardCharsets.US_ASCII)) {
            sum += b;
        }
        assertEquals(0x13D, sum);
        assertEquals(0xFFFF_FEC0, -(sum + 1 + 2));
        assertEquals(0xFFFF_FEC0, token.expectedChecksum());
    }

    @Test
    void theSocMustAskForProductionUnlock() {
        requestBits(0, PROD_REQ);
        mcu.fails(SS_DBG_UNLOCK_REQ_BIT_NOT_SET, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(2));
        requestBits(1, 0);
        mcu.fails(SS_DBG_UNLOCK_REQ_BIT_NOT_SET, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(2));
        requestBits(1, PROD_REQ | 1);
        mcu.fails(SS_DBG_UNLOCK_INVALID_REQ_REG_VALUE, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(2));
        mcu.fails(MCU_MBOX_INVALID_PARAMS, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ,
                new UnlockRequest(3, 2, Octets.zeros(3)));
    }

    @Test
    void onlyAProductionPartUnlocksThisWay() {
        try (var manufacturing = productionPart(Lifecycle.MANUFACTURING)) {
            var client = new SubsystemClient(manufacturing);
            manufacturing.write32(SS_DEBUG_INTENT, 1);
            manufacturing.write32(SS_DBG_SERVICE_REG_REQ, 1);
            client.fails(RUNTIME_DEBUG_UNLOCK_INVALID_LIFECYCLE, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(2));
            manufacturing.write32(SS_DBG_SERVICE_REG_REQ, PROD_REQ);
            client.fails(SS_DBG_UNLOCK_INVALID_REQ_REG_VALUE, McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, UnlockRequest.of(2));
        }
    }
}
