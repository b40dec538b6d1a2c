package org.caliptra.util.host.commands.debugunlock;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CryptoSizes;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.core.DebugUnlockCommands.ProductionAuthDebugUnlockToken;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands;
import org.caliptra.util.protocol.mcu.McDebugUnlockCommands.UnlockToken;

/**
 * Production debug unlock (spec/hostlib.md §2.3–§2.4): ask for a challenge at a debug level, then
 * answer with a token signed over it.
 */
public final class DebugUnlockCommands {
    public static final int UDI_SIZE = McDebugUnlockCommands.UDI_SIZE;
    public static final int CHALLENGE_SIZE = McDebugUnlockCommands.UNLOCK_CHALLENGE_SIZE;
    /** The request's length word: its own size after the checksum, in dwords. */
    public static final int REQUEST_LENGTH_DWORDS = 2;

    private DebugUnlockCommands() {}

    /** The debug-unlock commands. */
    public sealed interface DebugUnlockCommand<R> extends CatalogCommand<R> permits ProdDebugUnlockReq, ProdDebugUnlockToken {}

    /** The device's challenge: its length word (21 dwords), unique device identifier and 48 random bytes. */
    public record UnlockChallenge(int fipsStatus, int length, Octets uniqueDeviceIdentifier, Octets challenge) {
        public UnlockChallenge {
            InternalFields.exactly("ProdDebugUnlockReq", "udi", uniqueDeviceIdentifier, UDI_SIZE);
            InternalFields.exactly("ProdDebugUnlockReq", "challenge", challenge, CHALLENGE_SIZE);
        }
    }

    /**
     * ProdDebugUnlockReq (0x7010): a challenge for debug level {@code unlockLevel} (1–8; the device
     * refuses others).
     *
     * <pre>
     * internal request:  length u32 (= 2), unlock_level u8, reserved u8[3]                  (8)
     * internal response: fips_status, length u32, udi u8[32], challenge u8[48]             (88)
     * </pre>
     */
    public record ProdDebugUnlockReq(int unlockLevel) implements DebugUnlockCommand<UnlockChallenge> {
        public static final CommandType<ProdDebugUnlockReq, UnlockChallenge> TYPE = CommandType.of(CommandId.PROD_DEBUG_UNLOCK_REQ,
                ProdDebugUnlockReq.class, false, "Ask for a production debug-unlock challenge at a debug level",
                Codec.fixed(8, (v, out) -> out.u32(REQUEST_LENGTH_DWORDS).u8(v.unlockLevel()).zeros(3), in -> {
                    in.u32Equal("length", REQUEST_LENGTH_DWORDS);
                    int level = in.u8("unlock_level");
                    in.skip("reserved", 3);
                    return new ProdDebugUnlockReq(level);
                }),
                Codec.fixed(8 + UDI_SIZE + CHALLENGE_SIZE,
                        (v, out) -> out.u32(v.fipsStatus()).u32(v.length()).bytes(v.uniqueDeviceIdentifier()).bytes(v.challenge()),
                        in -> new UnlockChallenge(in.u32("fips_status"), in.u32("length"), in.bytes("udi", UDI_SIZE),
                                in.bytes("challenge", CHALLENGE_SIZE))),
                () -> new ProdDebugUnlockReq(1));

        public ProdDebugUnlockReq {
            try {
                Fields.u8("unlock_level", unlockLevel);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ProdDebugUnlockReq: " + e.getMessage());
            }
        }

        @Override
        public CommandType<ProdDebugUnlockReq, UnlockChallenge> type() {
            return TYPE;
        }
    }

    /**
     * ProdDebugUnlockToken (0x7011): the signed token. Its leading checksum is the Caliptra core's
     * request checksum of PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN over the fields after it (the MCU
     * relays the token to the core unchanged); the record always holds the checksum its fields call
     * for, as the reference API recomputes it. The mailbox frame then adds its own checksum.
     *
     * <pre>
     * internal request:  checksum u32, length u32, udi u8[32], unlock_level u8, reserved u8[3],
     *                    challenge u8[48], ecc_public_key u32[24], mldsa_public_key u32[648],
     *                    ecc_signature u32[24], mldsa_signature u32[1157]                   (7504)
     * internal response: fips_status                                                        (4)
     * </pre>
     */
    public record ProdDebugUnlockToken(UnlockToken token) implements DebugUnlockCommand<StatusResponse> {
        public static final CommandType<ProdDebugUnlockToken, StatusResponse> TYPE = CommandType.of(
                CommandId.PROD_DEBUG_UNLOCK_TOKEN, ProdDebugUnlockToken.class, false,
                "Answer a debug-unlock challenge with a token signed by ECDSA P-384 and ML-DSA-87",
                Codec.fixed(UnlockToken.SIZE, (v, out) -> McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.request().write(v.token(), out),
                        in -> new ProdDebugUnlockToken(McDebugUnlockCommands.MC_PROD_DEBUG_UNLOCK_TOKEN.request().read(in))),
                StatusResponse.CODEC,
                () -> of(Octets.zeros(UDI_SIZE), 1, Octets.zeros(CHALLENGE_SIZE), Octets.zeros(96),
                        Octets.zeros(CryptoSizes.MLDSA87_PUBLIC_KEY), Octets.zeros(96),
                        new MldsaSignature(Octets.zeros(CryptoSizes.MLDSA87_SIGNATURE_SLOT))));

        public ProdDebugUnlockToken {
            InternalFields.present("ProdDebugUnlockToken", "token", token);
            token = token.withChecksum();
        }

        /**
         * A token with the length word the core expects (its 7500 bytes after the checksum, in
         * dwords). ECC values are standard big-endian bytes: the public key X ‖ Y and the signature
         * R ‖ S, 96 bytes each.
         */
        public static ProdDebugUnlockToken of(Octets uniqueDeviceIdentifier, int unlockLevel, Octets challenge, Octets eccPublicKey,
                Octets mldsaPublicKey, Octets eccSignature, MldsaSignature mldsaSignature) {
            return new ProdDebugUnlockToken(new UnlockToken(0, ProductionAuthDebugUnlockToken.LENGTH_DWORDS, uniqueDeviceIdentifier,
                    unlockLevel, Octets.zeros(3), challenge, eccPublicKey, mldsaPublicKey, eccSignature, mldsaSignature.field()));
        }

        @Override
        public CommandType<ProdDebugUnlockToken, StatusResponse> type() {
            return TYPE;
        }
    }
}
