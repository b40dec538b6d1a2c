package org.caliptra.util.protocol.mcu;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CaliptraCommand;
import org.caliptra.util.protocol.mailbox.MailboxChecksum;

import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;

/**
 * Production debug unlock over the MCI mailbox (MC_PROD_DEBUG_UNLOCK_REQ / _TOKEN, the twins of
 * core PRODUCTION_AUTH_DEBUG_UNLOCK_REQ / _TOKEN) and MC_GET_AUTH_CMD_CHALLENGE, the challenge
 * that authorization-gated commands sign (spec/device.md §4.5, spec/hostlib.md §2.3–§2.4).
 */
public final class McDebugUnlockCommands {
    public static final int UDI_SIZE = 32;
    public static final int UNLOCK_CHALLENGE_SIZE = 48;

    private McDebugUnlockCommands() {}

    /**
     * An unlock request for {@code unlockLevel} (1–8); {@code length} is the message length in
     * dwords, 2, kept raw because the MCU refuses any other value itself.
     */
    public record UnlockRequest(int length, int unlockLevel, Octets reserved) {
        public static final int LENGTH_DWORDS = 2;

        public UnlockRequest {
            Fields.u8("unlock_level", unlockLevel);
            Fields.exactly("reserved", reserved, 3);
        }

        public static UnlockRequest of(int unlockLevel) {
            return new UnlockRequest(LENGTH_DWORDS, unlockLevel, Octets.zeros(3));
        }
    }

    /** The device's unlock challenge: {@code length} (21 dwords), its unique device identifier and a random challenge. */
    public record UnlockChallenge(int length, Octets uniqueDeviceIdentifier, Octets challenge) {
        public static final int LENGTH_DWORDS = 21;

        public UnlockChallenge {
            Fields.exactly("unique_device_identifier", uniqueDeviceIdentifier, UDI_SIZE);
            Fields.exactly("challenge", challenge, UNLOCK_CHALLENGE_SIZE);
        }

        public static UnlockChallenge of(Octets uniqueDeviceIdentifier, Octets challenge) {
            return new UnlockChallenge(LENGTH_DWORDS, uniqueDeviceIdentifier, challenge);
        }
    }

    public static final CommandCodec<UnlockRequest, UnlockChallenge> MC_PROD_DEBUG_UNLOCK_REQ = CommandCodec.of(
            McCommand.MC_PROD_DEBUG_UNLOCK_REQ,
            Codec.fixed(8, (v, out) -> out.u32(v.length()).u8(v.unlockLevel()).bytes(v.reserved()),
                    in -> new UnlockRequest(in.u32("length"), in.u8("unlock_level"), in.bytes("reserved", 3))),
            Codec.fixed(84, (v, out) -> out.u32(v.length()).bytes(v.uniqueDeviceIdentifier()).bytes(v.challenge()),
                    in -> new UnlockChallenge(in.u32("length"), in.bytes("unique_device_identifier", UDI_SIZE),
                            in.bytes("challenge", UNLOCK_CHALLENGE_SIZE))));

    /**
     * The signed unlock token, whose leading {@code checksum} is Caliptra core's request checksum for
     * PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN because the MCU relays the token to core unchanged.
     */
    public record UnlockToken(int checksum, int length, Octets uniqueDeviceIdentifier, int unlockLevel, Octets reserved,
            Octets challenge, Octets eccPublicKey, Octets mldsaPublicKey, Octets eccSignature, Octets mldsaSignature) {
        // ECC fields are held in standard byte order and travel as u32 words with each 4-byte group
        // reversed (caliptra-sw runtime README, byte order of cryptographic fields); ML-DSA bytes are raw.
        /** 4 + 4 + 32 + 1 + 3 + 48 + 96 + 2592 + 96 + 4628. */
        public static final int SIZE = 7504;

        public UnlockToken {
            Fields.exactly("unique_device_identifier", uniqueDeviceIdentifier, UDI_SIZE);
            Fields.u8("unlock_level", unlockLevel);
            Fields.exactly("reserved", reserved, 3);
            Fields.exactly("challenge", challenge, UNLOCK_CHALLENGE_SIZE);
            Fields.exactly("ecc_public_key", eccPublicKey, 96);
            Fields.exactly("mldsa_public_key", mldsaPublicKey, MLDSA87_PUBLIC_KEY);
            Fields.exactly("ecc_signature", eccSignature, 96);
            Fields.exactly("mldsa_signature", mldsaSignature, MLDSA87_SIGNATURE_SLOT);
        }

        /** The core checksum this token's other fields call for. */
        public int expectedChecksum() {
            byte[] token = MC_PROD_DEBUG_UNLOCK_TOKEN.encodeRequest(this);
            return MailboxChecksum.compute(CaliptraCommand.PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN.code(), token, 4, token.length);
        }

        public boolean checksumValid() {
            return checksum == expectedChecksum();
        }

        public UnlockToken withChecksum() {
            return new UnlockToken(expectedChecksum(), length, uniqueDeviceIdentifier, unlockLevel, reserved, challenge,
                    eccPublicKey, mldsaPublicKey, eccSignature, mldsaSignature);
        }
    }

    public static final CommandCodec<UnlockToken, NoFields> MC_PROD_DEBUG_UNLOCK_TOKEN = CommandCodec.of(
            McCommand.MC_PROD_DEBUG_UNLOCK_TOKEN,
            Codec.fixed(UnlockToken.SIZE, (v, out) -> out.u32(v.checksum()).u32(v.length()).bytes(v.uniqueDeviceIdentifier())
                    .u8(v.unlockLevel()).bytes(v.reserved()).bytes(v.challenge()).hwWords(v.eccPublicKey())
                    .bytes(v.mldsaPublicKey()).hwWords(v.eccSignature()).bytes(v.mldsaSignature()),
                    in -> new UnlockToken(in.u32("checksum"), in.u32("length"), in.bytes("unique_device_identifier", UDI_SIZE),
                            in.u8("unlock_level"), in.bytes("reserved", 3), in.bytes("challenge", UNLOCK_CHALLENGE_SIZE),
                            in.hwWords("ecc_public_key", 96), in.bytes("mldsa_public_key", MLDSA87_PUBLIC_KEY),
                            in.hwWords("ecc_signature", 96), in.bytes("mldsa_signature", MLDSA87_SIGNATURE_SLOT))),
            NoFields.CODEC);

    /** {@code flags} and {@code reserved}, both zero in this revision; kept raw for the device to police. */
    public record AuthChallengeRequest(int flags, int reserved) {
        public static final AuthChallengeRequest DEFAULT = new AuthChallengeRequest(0, 0);
    }

    /** A one-use 48-byte challenge, after a reserved zero word the MCI form inserts. */
    public record AuthChallenge(int reserved, Octets challenge) {
        public AuthChallenge {
            Fields.exactly("challenge", challenge, McAuthorization.NONCE_SIZE);
        }

        public static AuthChallenge of(Octets challenge) {
            return new AuthChallenge(0, challenge);
        }
    }

    public static final CommandCodec<AuthChallengeRequest, AuthChallenge> MC_GET_AUTH_CMD_CHALLENGE = CommandCodec.of(
            McCommand.MC_GET_AUTH_CMD_CHALLENGE,
            Codec.fixed(8, (v, out) -> out.u32(v.flags()).u32(v.reserved()),
                    in -> new AuthChallengeRequest(in.u32("flags"), in.u32("reserved"))),
            Codec.fixed(52, (v, out) -> out.u32(v.reserved()).bytes(v.challenge()),
                    in -> new AuthChallenge(in.u32("reserved"), in.bytes("challenge", McAuthorization.NONCE_SIZE))));
}
