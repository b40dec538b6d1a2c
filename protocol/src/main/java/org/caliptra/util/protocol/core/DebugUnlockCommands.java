package org.caliptra.util.protocol.core;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;

/**
 * Debug unlock (spec/device.md §4.2): the manufacturing token, and the production challenge and
 * its signed answer. The {@code length} fields count the dwords of the message after its checksum
 * (request) or header (response); the device checks them itself.
 */
public final class DebugUnlockCommands {
    private DebugUnlockCommands() {}

    /** MANUF_DEBUG_UNLOCK_REQ_TOKEN: the 32-byte token whose SHA-512 the ROM compares with the fuse. */
    public record ManufDebugUnlockToken(Octets token) {
        public ManufDebugUnlockToken {
            Fields.exactly("token", token, 32);
        }
    }

    public static final CommandCodec<ManufDebugUnlockToken, NoFields> MANUF_DEBUG_UNLOCK_REQ_TOKEN = CommandCodec.of(
            CaliptraCommand.MANUF_DEBUG_UNLOCK_REQ_TOKEN,
            Codec.fixed(32, (v, out) -> out.bytes(v.token()), in -> new ManufDebugUnlockToken(in.bytes("token", 32))),
            NoFields.CODEC);

    /** PRODUCTION_AUTH_DEBUG_UNLOCK_REQ: ask for a challenge for debug level {@code unlockLevel} (1–8). */
    public record ProductionAuthDebugUnlockRequest(int length, int unlockLevel, Octets reserved) {
        /** The request's own length: 8 bytes after the checksum. */
        public static final int LENGTH_DWORDS = 2;

        public ProductionAuthDebugUnlockRequest {
            Fields.u8("unlock_level", unlockLevel);
            Fields.exactly("reserved", reserved, 3);
        }

        public static ProductionAuthDebugUnlockRequest of(int unlockLevel) {
            return new ProductionAuthDebugUnlockRequest(LENGTH_DWORDS, unlockLevel, Octets.zeros(3));
        }
    }

    /** The challenge: the device's 32-byte identifier and a 48-byte random number, both to be echoed in the token. */
    public record ProductionAuthDebugUnlockChallenge(int length, Octets uniqueDeviceIdentifier, Octets challenge) {
        /** The challenge's own length: 84 bytes after the response header. */
        public static final int LENGTH_DWORDS = 21;

        public ProductionAuthDebugUnlockChallenge {
            Fields.exactly("unique_device_identifier", uniqueDeviceIdentifier, 32);
            Fields.exactly("challenge", challenge, 48);
        }
    }

    public static final CommandCodec<ProductionAuthDebugUnlockRequest, ProductionAuthDebugUnlockChallenge>
            PRODUCTION_AUTH_DEBUG_UNLOCK_REQ = CommandCodec.of(CaliptraCommand.PRODUCTION_AUTH_DEBUG_UNLOCK_REQ,
                    Codec.fixed(8, (v, out) -> out.u32(v.length()).u8(v.unlockLevel()).bytes(v.reserved()),
                            in -> new ProductionAuthDebugUnlockRequest(in.u32("length"), in.u8("unlock_level"),
                                    in.bytes("reserved", 3))),
                    Codec.fixed(84, (v, out) -> out.u32(v.length()).bytes(v.uniqueDeviceIdentifier()).bytes(v.challenge()),
                            in -> new ProductionAuthDebugUnlockChallenge(in.u32("length"), in.bytes("unique_device_identifier", 32),
                                    in.bytes("challenge", 48))));

    /**
     * PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN: the challenge echoed, and ECC P-384 and ML-DSA-87
     * signatures over {@code unique_device_identifier ‖ unlock_level ‖ reserved ‖ challenge} (SHA-384
     * and SHA-512 respectively) with the keys they verify under. The ECC key (X ‖ Y) and signature
     * (R ‖ S) are held in standard byte order and travel as big-endian words ({@code u32[24]}); the
     * ML-DSA key and signature are raw bytes, the signature in a 4628-byte slot.
     */
    public record ProductionAuthDebugUnlockToken(int length, Octets uniqueDeviceIdentifier, int unlockLevel, Octets reserved,
            Octets challenge, Octets eccPublicKey, Octets mldsaPublicKey, Octets eccSignature, Octets mldsaSignature) {
        /** The token's own length: 7500 bytes after the checksum. */
        public static final int LENGTH_DWORDS = 1875;

        public ProductionAuthDebugUnlockToken {
            Fields.exactly("unique_device_identifier", uniqueDeviceIdentifier, 32);
            Fields.u8("unlock_level", unlockLevel);
            Fields.exactly("reserved", reserved, 3);
            Fields.exactly("challenge", challenge, 48);
            Fields.exactly("ecc_public_key", eccPublicKey, 96);
            Fields.exactly("mldsa_public_key", mldsaPublicKey, MLDSA87_PUBLIC_KEY);
            Fields.exactly("ecc_signature", eccSignature, 96);
            Fields.exactly("mldsa_signature", mldsaSignature, MLDSA87_SIGNATURE);
        }
    }

    public static final CommandCodec<ProductionAuthDebugUnlockToken, NoFields> PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN =
            CommandCodec.of(CaliptraCommand.PRODUCTION_AUTH_DEBUG_UNLOCK_TOKEN,
                    Codec.fixed(4 * ProductionAuthDebugUnlockToken.LENGTH_DWORDS, (v, out) -> {
                        out.u32(v.length()).bytes(v.uniqueDeviceIdentifier()).u8(v.unlockLevel()).bytes(v.reserved())
                                .bytes(v.challenge()).hwWords(v.eccPublicKey()).bytes(v.mldsaPublicKey()).hwWords(v.eccSignature());
                        Layout.mldsaSignature(out, v.mldsaSignature());
                    }, in -> new ProductionAuthDebugUnlockToken(in.u32("length"), in.bytes("unique_device_identifier", 32),
                            in.u8("unlock_level"), in.bytes("reserved", 3), in.bytes("challenge", 48),
                            in.hwWords("ecc_public_key", 96), in.bytes("mldsa_public_key", MLDSA87_PUBLIC_KEY),
                            in.hwWords("ecc_signature", 96), Layout.mldsaSignature(in, "mldsa_signature"))),
                    NoFields.CODEC);
}
