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

import java.security.MessageDigest;
import java.util.Arrays;
import org.caliptra.util.emulator.firmware.CommandFailure;
import org.caliptra.util.emulator.firmware.CommandTable;
import org.caliptra.util.emulator.mcu.fuse.FuseMap;
import org.caliptra.util.image.Sha384;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mcu.McAuthorization.HybridSignature;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockChallenge;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockRequest;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockToken;
import org.caliptra.util.protocol.regs.Lifecycle;

/**
 * Production debug unlock through the MCU (MC_PROD_DEBUG_UNLOCK_REQ / _TOKEN), which the reference
 * MCU relays to the core runtime's PRODUCTION_AUTH_DEBUG_UNLOCK_REQ / _TOKEN (caliptra-sw
 * runtime/src/debug_unlock.rs and common/src/debug_unlock.rs). The state lives in the core's
 * subsystem registers, which this class drives as the core firmware does:
 * <ul>
 * <li>a request needs the SoC's debug intent strap (SS_DEBUG_INTENT[0]) and
 *     SS_DBG_SERVICE_REG_REQ.PROD_DBG_UNLOCK_REQ on a production part, a level 1..count
 *     (SS_NUM_OF_PROD_DEBUG_UNLOCK_AUTH_PK_HASHES) whose PK hash fuse is programmed; it answers the
 *     device's UEID (padded to 32 bytes) and a fresh TRNG challenge, and marks the unlock in progress;
 * <li>the token, whose inner checksum is the core request checksum of PDUT, must echo the last
 *     request's level, UEID and challenge (used up by any token), carry public keys whose SHA-384
 *     (ECC in hardware word order, then ML-DSA) is the level's fused hash, and sign
 *     {@code udi ‖ level ‖ reserved ‖ challenge}: ECDSA over its SHA-384, ML-DSA over its SHA-512;
 * <li>success writes SS_SOC_DBG_UNLOCK_LEVEL[0] = 1 &lt;&lt; (level − 1) and PROD_DBG_UNLOCK_SUCCESS,
 *     a refused token PROD_DBG_UNLOCK_FAIL.
 * </ul>
 * A refusal is the core's error, in CPTRA_FW_ERROR_NON_FATAL and MCI FW_ERROR_NON_FATAL alike.
 */
final class DebugUnlockHandlers implements CommandTable.CommandFamily {
    // soc_ifc subsystem registers (caliptra-sw hw/latest/registers soc_ifc.rs).
    static final int SS_PROD_DEBUG_UNLOCK_AUTH_PK_HASH_REG_BANK_OFFSET = 0x528;
    static final int SS_NUM_OF_PROD_DEBUG_UNLOCK_AUTH_PK_HASHES = 0x52C;
    static final int SS_DEBUG_INTENT = 0x530;
    static final int SS_DBG_SERVICE_REG_REQ = 0x5C0;
    static final int SS_DBG_SERVICE_REG_RSP = 0x5C4;
    static final int SS_SOC_DBG_UNLOCK_LEVEL = 0x5C8;
    static final int REQ_MANUF_DBG_UNLOCK = 1;
    static final int REQ_PROD_DBG_UNLOCK = 1 << 1;
    static final int RSP_PROD_DBG_UNLOCK_SUCCESS = 1 << 3;
    static final int RSP_PROD_DBG_UNLOCK_FAIL = 1 << 4;
    static final int RSP_PROD_DBG_UNLOCK_IN_PROGRESS = 1 << 5;
    static final int RSP_TAP_MAILBOX_AVAILABLE = 1 << 9;
    /** Where the MCU ROM puts the hashes in MCI (mci_reg_prod_debug_unlock_pk_hash_reg). */
    static final int MCI_PROD_DEBUG_UNLOCK_PK_HASH_REG = 0x480;
    /** The token's length field: its size after the checksum, in dwords. */
    private static final int TOKEN_LENGTH_DWORDS = (UnlockToken.SIZE - 4) / 4;

    private final CoreState core;
    private final byte[][] levelHashes;
    private final Octets udi;
    private UnlockChallenge lastChallenge;
    private int lastLevel;

    /**
     * @param levelHashes the eight PK hash fuses as the MCU ROM copied them into MCI at boot (digests)
     * @param ueid the device's 17-byte UEID
     */
    DebugUnlockHandlers(CoreState core, byte[][] levelHashes, byte[] ueid) {
        this.core = core;
        this.levelHashes = levelHashes;
        this.udi = Octets.of(Arrays.copyOf(ueid, McDebugUnlockCommands.UDI_SIZE));
        // What the MCU ROM tells the core at boot: where the hashes are and how many levels exist.
        core.soc().setReg(SS_PROD_DEBUG_UNLOCK_AUTH_PK_HASH_REG_BANK_OFFSET, MCI_PROD_DEBUG_UNLOCK_PK_HASH_REG);
        core.soc().setReg(SS_NUM_OF_PROD_DEBUG_UNLOCK_AUTH_PK_HASHES, FuseMap.PROD_DEBUG_UNLOCK_LEVELS);
    }

    @Override
    public void register(CommandTable.Builder table) {
        table.add(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_REQ, MCU_MBOX_INVALID_PARAMS, (request, requester) -> request(request));
        table.add(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN, MCU_MBOX_INVALID_PARAMS, (token, requester) -> {
            token(token);
            return NoFields.INSTANCE;
        });
    }

    private UnlockChallenge request(UnlockRequest request) {
        if (request.length() != UnlockRequest.LENGTH_DWORDS) {
            // The MCU checks this itself before it relays the request.
            throw CommandFailure.of(MCU_MBOX_INVALID_PARAMS, "MC_PROD_DEBUG_UNLOCK_REQ length is " + Integer.toUnsignedString(request.length())
                    + " dwords, must be " + UnlockRequest.LENGTH_DWORDS);
        }
        if (!unlockRequested()) {
            throw refuse(SS_DBG_UNLOCK_REQ_BIT_NOT_SET, "SS_DEBUG_INTENT and SS_DBG_SERVICE_REG_REQ.PROD_DBG_UNLOCK_REQ must both be set");
        }
        if (core.lifecycle() != Lifecycle.PRODUCTION) {
            throw refuse(RUNTIME_DEBUG_UNLOCK_INVALID_LIFECYCLE, "production debug unlock needs a production part, this one is "
                    + core.lifecycle());
        }
        setRsp(RSP_TAP_MAILBOX_AVAILABLE | RSP_PROD_DBG_UNLOCK_IN_PROGRESS, true);
        try {
            int level = request.unlockLevel();
            int count = core.soc().reg(SS_NUM_OF_PROD_DEBUG_UNLOCK_AUTH_PK_HASHES);
            if (level == 0 || level > count) {
                throw refuse(SS_DBG_UNLOCK_PROD_INVALID_REQ, "unlock_level " + level + " is not 1.." + count);
            }
            byte[] hash = levelHashes[level - 1];
            if (Octets.of(hash).isZero() || allOnes(hash)) {
                throw refuse(SS_DBG_UNLOCK_PROD_DISABLED, "the PK hash fuse of level " + level + " is unprogrammed or zeroized");
            }
            lastChallenge = UnlockChallenge.of(udi, Octets.of(core.trng().draw()));
            lastLevel = level;
            return lastChallenge;
        } catch (CommandFailure f) {
            setRsp(RSP_PROD_DBG_UNLOCK_IN_PROGRESS, false);
            throw f;
        }
    }

    private void token(UnlockToken token) {
        if (!token.checksumValid()) {
            // The MCU relays the token whole: its first word is the core request's checksum.
            throw refuse(RUNTIME_INVALID_CHECKSUM, String.format("the token's checksum is 0x%08X, PDUT over its fields needs 0x%08X",
                    token.checksum(), token.expectedChecksum()));
        }
        if (core.lifecycle() != Lifecycle.PRODUCTION) {
            throw refuse(RUNTIME_DEBUG_UNLOCK_INVALID_LIFECYCLE, "production debug unlock needs a production part, this one is "
                    + core.lifecycle());
        }
        var challenge = lastChallenge;
        int level = lastLevel;
        lastChallenge = null;
        if (challenge == null) {
            throw refuse(RUNTIME_DEBUG_UNLOCK_NO_CHALLENGE, "no MC_PROD_DEBUG_UNLOCK_REQ challenge is outstanding (each token uses one up)");
        }
        try {
            validate(token, challenge, level);
        } catch (CommandFailure f) {
            setRsp(RSP_PROD_DBG_UNLOCK_FAIL, true);
            setRsp(RSP_PROD_DBG_UNLOCK_IN_PROGRESS, false);
            throw f;
        }
        core.soc().setReg(SS_SOC_DBG_UNLOCK_LEVEL, 1 << (level - 1));
        setRsp(RSP_PROD_DBG_UNLOCK_SUCCESS, true);
        setRsp(RSP_PROD_DBG_UNLOCK_IN_PROGRESS, false);
    }

    private void validate(UnlockToken token, UnlockChallenge challenge, int level) {
        if (token.length() != TOKEN_LENGTH_DWORDS) {
            throw refuse(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, "the token's length is " + Integer.toUnsignedString(token.length())
                    + " dwords, must be " + TOKEN_LENGTH_DWORDS);
        }
        if (token.unlockLevel() != level) {
            throw refuse(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, "the token is for level " + token.unlockLevel()
                    + ", the request asked for " + level);
        }
        if (!MessageDigest.isEqual(token.challenge().toByteArray(), challenge.challenge().toByteArray())) {
            throw refuse(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, "the token answers another challenge");
        }
        if (!MessageDigest.isEqual(token.uniqueDeviceIdentifier().toByteArray(), challenge.uniqueDeviceIdentifier().toByteArray())) {
            throw refuse(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_CHALLENGE, "the token is for another device (unique_device_identifier)");
        }
        byte[] keysHash = Sha384.of(HybridSignatures.concat(HwFormat.reverseEach4(token.eccPublicKey().toByteArray()),
                token.mldsaPublicKey().toByteArray())).toByteArray();
        if (!MessageDigest.isEqual(keysHash, levelHashes[level - 1])) {
            throw refuse(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_WRONG_PUBLIC_KEYS, "the token's public keys do not hash to level " + level
                    + "'s fused PK hash");
        }
        byte[] signed = HybridSignatures.concat(token.uniqueDeviceIdentifier().toByteArray(), new byte[] {(byte) token.unlockLevel()},
                token.reserved().toByteArray(), token.challenge().toByteArray());
        var ecc = token.eccPublicKey();
        var sig = token.eccSignature();
        var check = HybridSignatures.verify(ecc.slice(0, 48), ecc.slice(48, 48), token.mldsaPublicKey(),
                new HybridSignature(sig.slice(0, 48), sig.slice(48, 48), token.mldsaSignature()), Sha384.of(signed).toByteArray(),
                HybridSignatures.sha512(signed));
        if (check != HybridSignatures.Check.VALID) {
            throw refuse(SS_DBG_UNLOCK_PROD_INVALID_TOKEN_INVALID_SIGNATURE, (check == HybridSignatures.Check.ECC_INVALID
                    ? "the ECDSA P-384" : "the ML-DSA-87") + " signature over udi ‖ level ‖ reserved ‖ challenge does not verify");
        }
    }

    /** soc_ifc ss_debug_unlock_req(): the SoC's intent strap and one request bit that fits the life cycle. */
    private boolean unlockRequested() {
        if ((core.soc().reg(SS_DEBUG_INTENT) & 1) == 0) {
            return false;
        }
        int req = core.soc().reg(SS_DBG_SERVICE_REG_REQ);
        boolean manuf = (req & REQ_MANUF_DBG_UNLOCK) != 0;
        boolean prod = (req & REQ_PROD_DBG_UNLOCK) != 0;
        if (!manuf && !prod) {
            return false;
        }
        if (manuf && !prod && core.lifecycle() == Lifecycle.MANUFACTURING || prod && !manuf && core.lifecycle() == Lifecycle.PRODUCTION) {
            return true;
        }
        throw refuse(SS_DBG_UNLOCK_INVALID_REQ_REG_VALUE, String.format("SS_DBG_SERVICE_REG_REQ 0x%08X does not fit a %s part", req,
                core.lifecycle()));
    }

    private void setRsp(int bits, boolean on) {
        int rsp = core.soc().reg(SS_DBG_SERVICE_REG_RSP);
        core.soc().setReg(SS_DBG_SERVICE_REG_RSP, on ? rsp | bits : rsp & ~bits);
    }

    private CommandFailure refuse(CaliptraError error, String detail) {
        core.reportCoreError(error.code());
        return CommandFailure.of(error, detail);
    }

    private static boolean allOnes(byte[] bytes) {
        for (byte b : bytes) {
            if (b != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
