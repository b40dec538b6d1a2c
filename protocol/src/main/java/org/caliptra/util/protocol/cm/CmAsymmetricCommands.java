package org.caliptra.util.protocol.cm;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.NoFields;
import org.caliptra.util.protocol.core.CaliptraCommand;

import static org.caliptra.util.protocol.cm.CmFields.MAX_DATA;
import static org.caliptra.util.protocol.cm.CmFields.requestTail;
import static org.caliptra.util.protocol.codec.CryptoSizes.ECC384_SCALAR;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;
import static org.caliptra.util.protocol.codec.Fields.atMost;
import static org.caliptra.util.protocol.codec.Fields.exactly;

/**
 * Public-key operations of the cryptographic mailbox (spec/device.md §4.4): P-384 ECDH
 * (CM_ECDH_GENERATE/FINISH), ECDSA-384 and ML-DSA-87 with CMK keys (CM_ECDSA_*, CM_MLDSA_*) and
 * ML-KEM-1024 (CM_MLKEM_*).
 *
 * <p>All key, point, signature and ciphertext fields are {@code u8[]} in standard byte order: P-384
 * values big-endian, ML-DSA and ML-KEM values as FIPS 203/204 encode them.
 */
public final class CmAsymmetricCommands {
    public static final int ECDH_CONTEXT_SIZE = 76;
    /** An uncompressed P-384 point without its 0x04 prefix: X then Y, 48 bytes each. */
    public static final int ECDH_EXCHANGE_DATA_SIZE = 96;
    public static final int MLKEM1024_ENCAPS_KEY_SIZE = 1568;
    public static final int MLKEM1024_CIPHERTEXT_SIZE = 1568;

    private CmAsymmetricCommands() {}

    /** The opaque, device-encrypted ECDH secret between GENERATE and FINISH. */
    public record EcdhContext(Octets bytes) {
        public EcdhContext {
            exactly("context", bytes, ECDH_CONTEXT_SIZE);
        }
    }

    /** CM_ECDH_GENERATE's answer: the context and the device's public point (X ‖ Y, big-endian). */
    public record EcdhGenerateResponse(EcdhContext context, Octets exchangeData) {
        public EcdhGenerateResponse {
            Objects.requireNonNull(context, "context");
            exactly("exchange_data", exchangeData, ECDH_EXCHANGE_DATA_SIZE);
        }
    }

    /** No request fields; answers context[76], exchange_data[96]: 172 bytes. */
    public static final CommandCodec<NoFields, EcdhGenerateResponse> CM_ECDH_GENERATE = CommandCodec.of(
            CaliptraCommand.CM_ECDH_GENERATE, NoFields.CODEC,
            Codec.fixed(ECDH_CONTEXT_SIZE + ECDH_EXCHANGE_DATA_SIZE,
                    (v, out) -> out.bytes(v.context().bytes()).bytes(v.exchangeData()),
                    in -> new EcdhGenerateResponse(new EcdhContext(in.bytes("context", ECDH_CONTEXT_SIZE)),
                            in.bytes("exchange_data", ECDH_EXCHANGE_DATA_SIZE))));

    /** CM_ECDH_FINISH's request: the context, the usage of the shared-secret CMK and the peer's public point. */
    public record EcdhFinishRequest(EcdhContext context, int keyUsage, Octets incomingExchangeData) {
        public EcdhFinishRequest {
            Objects.requireNonNull(context, "context");
            exactly("incoming_exchange_data", incomingExchangeData, ECDH_EXCHANGE_DATA_SIZE);
        }

        public static EcdhFinishRequest of(EcdhContext context, KeyUsage usage, Octets peerPoint) {
            return new EcdhFinishRequest(context, usage.value(), peerPoint);
        }

        public Optional<KeyUsage> usage() {
            return KeyUsage.fromValue(keyUsage);
        }
    }

    /** context[76], key_usage, incoming_exchange_data[96]: 176 bytes; answers the shared-secret cmk. */
    public static final CommandCodec<EcdhFinishRequest, Cmk> CM_ECDH_FINISH = CommandCodec.of(CaliptraCommand.CM_ECDH_FINISH,
            Codec.fixed(ECDH_CONTEXT_SIZE + 4 + ECDH_EXCHANGE_DATA_SIZE,
                    (v, out) -> out.bytes(v.context().bytes()).u32(v.keyUsage()).bytes(v.incomingExchangeData()),
                    in -> new EcdhFinishRequest(new EcdhContext(in.bytes("context", ECDH_CONTEXT_SIZE)), in.u32("key_usage"),
                            in.bytes("incoming_exchange_data", ECDH_EXCHANGE_DATA_SIZE))),
            Cmk.CODEC);

    /** A P-384 public key as two big-endian coordinates. */
    public record EccPublicKey(Octets x, Octets y) {
        public EccPublicKey {
            exactly("public_key_x", x, ECC384_SCALAR);
            exactly("public_key_y", y, ECC384_SCALAR);
        }
    }

    public static final CommandCodec<Cmk, EccPublicKey> CM_ECDSA_PUBLIC_KEY = CommandCodec.of(
            CaliptraCommand.CM_ECDSA_PUBLIC_KEY, Cmk.CODEC,
            Codec.fixed(2 * ECC384_SCALAR, (v, out) -> out.bytes(v.x()).bytes(v.y()),
                    in -> new EccPublicKey(in.bytes("public_key_x", ECC384_SCALAR),
                            in.bytes("public_key_y", ECC384_SCALAR))));

    /** The request of CM_ECDSA_SIGN and CM_MLDSA_SIGN: the signing key and the message itself (not a digest). */
    public record SignRequest(Cmk cmk, Octets message) {
        public SignRequest {
            Objects.requireNonNull(cmk, "cmk");
            atMost("message", message, MAX_DATA);
        }
    }

    /** cmk, message_size, message[≤4096]: 132 to 4228 bytes. */
    private static final Codec<SignRequest> SIGN_REQUEST = Codec.variable(Cmk.SIZE + 4, Cmk.SIZE + 4 + MAX_DATA,
            (v, out) -> out.bytes(v.cmk().bytes()).sized(v.message()),
            in -> new SignRequest(Cmk.read(in, "cmk"), requestTail(in, "message_size", "message", MAX_DATA)));

    /** An ECDSA-384 signature as two big-endian scalars. */
    public record EcdsaSignature(Octets r, Octets s) {
        public EcdsaSignature {
            exactly("signature_r", r, ECC384_SCALAR);
            exactly("signature_s", s, ECC384_SCALAR);
        }

        static EcdsaSignature read(FieldReader in) {
            return new EcdsaSignature(in.bytes("signature_r", ECC384_SCALAR), in.bytes("signature_s", ECC384_SCALAR));
        }
    }

    /** The device hashes the message with SHA-384 itself; answers signature_r[48], signature_s[48]: 96 bytes. */
    public static final CommandCodec<SignRequest, EcdsaSignature> CM_ECDSA_SIGN = CommandCodec.of(CaliptraCommand.CM_ECDSA_SIGN,
            SIGN_REQUEST, Codec.fixed(2 * ECC384_SCALAR, (v, out) -> out.bytes(v.r()).bytes(v.s()), EcdsaSignature::read));

    /** CM_ECDSA_VERIFY's request: the key, the signature and the message it should sign. */
    public record EcdsaVerifyRequest(Cmk cmk, EcdsaSignature signature, Octets message) {
        public EcdsaVerifyRequest {
            Objects.requireNonNull(cmk, "cmk");
            Objects.requireNonNull(signature, "signature");
            atMost("message", message, MAX_DATA);
        }
    }

    /** cmk, signature_r[48], signature_s[48], message_size, message[≤4096]: 228 to 4324 bytes. */
    public static final CommandCodec<EcdsaVerifyRequest, NoFields> CM_ECDSA_VERIFY = CommandCodec.of(
            CaliptraCommand.CM_ECDSA_VERIFY,
            Codec.variable(Cmk.SIZE + 2 * ECC384_SCALAR + 4, Cmk.SIZE + 2 * ECC384_SCALAR + 4 + MAX_DATA,
                    (v, out) -> out.bytes(v.cmk().bytes()).bytes(v.signature().r()).bytes(v.signature().s()).sized(v.message()),
                    in -> new EcdsaVerifyRequest(Cmk.read(in, "cmk"), EcdsaSignature.read(in),
                            requestTail(in, "message_size", "message", MAX_DATA))),
            NoFields.CODEC);

    /** An ML-DSA-87 public key (FIPS 204 encoding). */
    public record MldsaPublicKey(Octets bytes) {
        public MldsaPublicKey {
            exactly("public_key", bytes, MLDSA87_PUBLIC_KEY);
        }
    }

    public static final CommandCodec<Cmk, MldsaPublicKey> CM_MLDSA_PUBLIC_KEY = CommandCodec.of(
            CaliptraCommand.CM_MLDSA_PUBLIC_KEY, Cmk.CODEC,
            Codec.fixed(MLDSA87_PUBLIC_KEY, (v, out) -> out.bytes(v.bytes()),
                    in -> new MldsaPublicKey(in.bytes("public_key", MLDSA87_PUBLIC_KEY))));

    /**
     * An ML-DSA-87 signature field as sent: the 4627-byte FIPS 204 signature and one padding byte,
     * kept because the firmware hands all 4628 bytes to the hardware.
     */
    public record MldsaSignature(Octets field) {
        public MldsaSignature {
            exactly("signature", field, MLDSA87_SIGNATURE_SLOT);
        }

        /** The field of a 4627-byte signature, with a zero padding byte. */
        public static MldsaSignature of(Octets signature) {
            exactly("signature", signature, MLDSA87_SIGNATURE);
            byte[] b = new byte[MLDSA87_SIGNATURE_SLOT];
            signature.copyTo(b, 0);
            return new MldsaSignature(Octets.of(b));
        }

        /** The FIPS 204 signature without the padding byte. */
        public Octets signature() {
            return field.slice(0, MLDSA87_SIGNATURE);
        }
    }

    /** Answers signature[4628]. */
    public static final CommandCodec<SignRequest, MldsaSignature> CM_MLDSA_SIGN = CommandCodec.of(CaliptraCommand.CM_MLDSA_SIGN,
            SIGN_REQUEST, Codec.fixed(MLDSA87_SIGNATURE_SLOT, (v, out) -> out.bytes(v.field()),
                    in -> new MldsaSignature(in.bytes("signature", MLDSA87_SIGNATURE_SLOT))));

    /** CM_MLDSA_VERIFY's request: the key, the signature and the message it should sign. */
    public record MldsaVerifyRequest(Cmk cmk, MldsaSignature signature, Octets message) {
        public MldsaVerifyRequest {
            Objects.requireNonNull(cmk, "cmk");
            Objects.requireNonNull(signature, "signature");
            atMost("message", message, MAX_DATA);
        }
    }

    /** cmk, signature[4628], message_size, message[≤4096]: 4760 to 8856 bytes. */
    public static final CommandCodec<MldsaVerifyRequest, NoFields> CM_MLDSA_VERIFY = CommandCodec.of(
            CaliptraCommand.CM_MLDSA_VERIFY,
            Codec.variable(Cmk.SIZE + MLDSA87_SIGNATURE_SLOT + 4, Cmk.SIZE + MLDSA87_SIGNATURE_SLOT + 4 + MAX_DATA,
                    (v, out) -> out.bytes(v.cmk().bytes()).bytes(v.signature().field()).sized(v.message()),
                    in -> new MldsaVerifyRequest(Cmk.read(in, "cmk"),
                            new MldsaSignature(in.bytes("signature", MLDSA87_SIGNATURE_SLOT)),
                            requestTail(in, "message_size", "message", MAX_DATA))),
            NoFields.CODEC);

    /** An ML-KEM-1024 encapsulation key (FIPS 203 encoding). */
    public record EncapsulationKey(Octets bytes) {
        public EncapsulationKey {
            exactly("encaps_key", bytes, MLKEM1024_ENCAPS_KEY_SIZE);
        }
    }

    /** The request is the seed CMK (seed_d ‖ seed_z); answers encaps_key[1568]. */
    public static final CommandCodec<Cmk, EncapsulationKey> CM_MLKEM_KEY_GEN = CommandCodec.of(CaliptraCommand.CM_MLKEM_KEY_GEN,
            Cmk.CODEC, Codec.fixed(MLKEM1024_ENCAPS_KEY_SIZE, (v, out) -> out.bytes(v.bytes()),
                    in -> new EncapsulationKey(in.bytes("encaps_key", MLKEM1024_ENCAPS_KEY_SIZE))));

    /** CM_MLKEM_ENCAPSULATE's request: the usage of the shared-key CMK and the peer's encapsulation key. */
    public record EncapsulateRequest(int keyUsage, EncapsulationKey encapsKey) {
        public EncapsulateRequest {
            Objects.requireNonNull(encapsKey, "encaps_key");
        }

        public static EncapsulateRequest of(KeyUsage usage, EncapsulationKey key) {
            return new EncapsulateRequest(usage.value(), key);
        }

        public Optional<KeyUsage> usage() {
            return KeyUsage.fromValue(keyUsage);
        }
    }

    /** CM_MLKEM_ENCAPSULATE's answer: the ciphertext for the peer and the shared key as a CMK. */
    public record EncapsulateResponse(Octets ciphertext, Cmk sharedKey) {
        public EncapsulateResponse {
            exactly("ciphertext", ciphertext, MLKEM1024_CIPHERTEXT_SIZE);
            Objects.requireNonNull(sharedKey, "shared_key");
        }
    }

    /** key_usage, encaps_key[1568]: 1572 bytes; answers ciphertext[1568], cmk: 1696 bytes. */
    public static final CommandCodec<EncapsulateRequest, EncapsulateResponse> CM_MLKEM_ENCAPSULATE = CommandCodec.of(
            CaliptraCommand.CM_MLKEM_ENCAPSULATE,
            Codec.fixed(4 + MLKEM1024_ENCAPS_KEY_SIZE, (v, out) -> out.u32(v.keyUsage()).bytes(v.encapsKey().bytes()),
                    in -> new EncapsulateRequest(in.u32("key_usage"),
                            new EncapsulationKey(in.bytes("encaps_key", MLKEM1024_ENCAPS_KEY_SIZE)))),
            Codec.fixed(MLKEM1024_CIPHERTEXT_SIZE + Cmk.SIZE, (v, out) -> out.bytes(v.ciphertext()).bytes(v.sharedKey().bytes()),
                    in -> new EncapsulateResponse(in.bytes("ciphertext", MLKEM1024_CIPHERTEXT_SIZE), Cmk.read(in, "cmk"))));

    /** CM_MLKEM_DECAPSULATE's request: the usage of the shared-key CMK, the seed CMK and the ciphertext. */
    public record DecapsulateRequest(int keyUsage, Cmk cmk, Octets ciphertext) {
        public DecapsulateRequest {
            Objects.requireNonNull(cmk, "cmk");
            exactly("ciphertext", ciphertext, MLKEM1024_CIPHERTEXT_SIZE);
        }

        public static DecapsulateRequest of(KeyUsage usage, Cmk seed, Octets ciphertext) {
            return new DecapsulateRequest(usage.value(), seed, ciphertext);
        }

        public Optional<KeyUsage> usage() {
            return KeyUsage.fromValue(keyUsage);
        }
    }

    /** key_usage, cmk, ciphertext[1568]: 1700 bytes; answers the shared key's cmk. */
    public static final CommandCodec<DecapsulateRequest, Cmk> CM_MLKEM_DECAPSULATE = CommandCodec.of(
            CaliptraCommand.CM_MLKEM_DECAPSULATE,
            Codec.fixed(4 + Cmk.SIZE + MLKEM1024_CIPHERTEXT_SIZE,
                    (v, out) -> out.u32(v.keyUsage()).bytes(v.cmk().bytes()).bytes(v.ciphertext()),
                    in -> new DecapsulateRequest(in.u32("key_usage"), Cmk.read(in, "cmk"),
                            in.bytes("ciphertext", MLKEM1024_CIPHERTEXT_SIZE))),
            Cmk.CODEC);
}
