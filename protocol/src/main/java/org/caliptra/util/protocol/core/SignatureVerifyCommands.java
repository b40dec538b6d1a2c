package org.caliptra.util.protocol.core;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.codec.CryptoSizes.ECC384_SCALAR;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;

/**
 * Signature verification offload (spec/device.md §4.2): ECDSA P-384, LMS and ML-DSA-87, in the 1.x
 * form that takes the digest from the SHA accelerator and the 2.x form that carries the digest (or
 * the message) in the request. Every response is H alone: a bad signature is CMD_FAILURE, and 2.1
 * reports fips_status USRD for the ECDSA and LMS forms.
 *
 * <p>ECDSA keys, signatures and digests are {@code u8[48]}: standard big-endian bytes, as OpenSSL
 * gives them. LMS fields are the raw RFC 8554 bytes. ML-DSA-87 keys and signatures are raw FIPS 204
 * bytes; the signature's mailbox slot has one reserved byte after it.
 */
public final class SignatureVerifyCommands {
    private SignatureVerifyCommands() {}

    /** An ECDSA P-384 public key and signature (1.x SIGV request; the digest is in the SHA accelerator). */
    public record Ecdsa384VerifyRequest(Octets pubKeyX, Octets pubKeyY, Octets signatureR, Octets signatureS) {
        public Ecdsa384VerifyRequest {
            Fields.exactly("pub_key_x", pubKeyX, ECC384_SCALAR);
            Fields.exactly("pub_key_y", pubKeyY, ECC384_SCALAR);
            Fields.exactly("signature_r", signatureR, ECC384_SCALAR);
            Fields.exactly("signature_s", signatureS, ECC384_SCALAR);
        }
    }

    /** The 2.x ECV2 request: key and signature, then the SHA-384 digest that was signed. */
    public record Ecdsa384SignatureVerifyRequest(Ecdsa384VerifyRequest keyAndSignature, Octets hash) {
        public Ecdsa384SignatureVerifyRequest {
            Objects.requireNonNull(keyAndSignature, "keyAndSignature");
            Fields.exactly("hash", hash, 48);
        }
    }

    private static void writeEcdsa(Ecdsa384VerifyRequest v, FieldWriter out) {
        out.bytes(v.pubKeyX()).bytes(v.pubKeyY()).bytes(v.signatureR()).bytes(v.signatureS());
    }

    private static Ecdsa384VerifyRequest readEcdsa(FieldReader in) {
        return new Ecdsa384VerifyRequest(in.bytes("pub_key_x", 48), in.bytes("pub_key_y", 48), in.bytes("signature_r", 48),
                in.bytes("signature_s", 48));
    }

    public static final CommandCodec<Ecdsa384VerifyRequest, NoFields> ECDSA384_VERIFY = CommandCodec.of(
            CaliptraCommand.ECDSA384_VERIFY, Codec.fixed(192, SignatureVerifyCommands::writeEcdsa,
                    SignatureVerifyCommands::readEcdsa), NoFields.CODEC);

    public static final CommandCodec<Ecdsa384SignatureVerifyRequest, NoFields> ECDSA384_SIGNATURE_VERIFY = CommandCodec.of(
            CaliptraCommand.ECDSA384_SIGNATURE_VERIFY, Codec.fixed(240, (v, out) -> {
                writeEcdsa(v.keyAndSignature(), out);
                out.bytes(v.hash());
            }, in -> new Ecdsa384SignatureVerifyRequest(readEcdsa(in), in.bytes("hash", 48))), NoFields.CODEC);

    /**
     * An LMS public key and signature (1.x LMSV request), limited to the parameter set of image
     * signing: LMS type {@link #LMS_SHA256_N24_H15}, LM-OTS type {@link #LMOTS_SHA256_N24_W4}. The
     * type fields are little-endian u32 on the wire; the device rejects other values itself.
     */
    public record LmsVerifyRequest(int pubKeyTreeType, int pubKeyOtsType, Octets pubKeyId, Octets pubKeyDigest,
            int signatureQ, Octets signatureOts, int signatureTreeType, Octets signatureTreePath) {
        public static final int LMS_SHA256_N24_H15 = 12;
        public static final int LMOTS_SHA256_N24_W4 = 7;

        public LmsVerifyRequest {
            Fields.exactly("pub_key_id", pubKeyId, 16);
            Fields.exactly("pub_key_digest", pubKeyDigest, 24);
            Fields.exactly("signature_ots", signatureOts, 1252);
            Fields.exactly("signature_tree_path", signatureTreePath, 360);
        }
    }

    /** The 2.x LMV2 request: key and signature, then the SHA-384 digest that was signed. */
    public record LmsSignatureVerifyRequest(LmsVerifyRequest keyAndSignature, Octets hash) {
        public LmsSignatureVerifyRequest {
            Objects.requireNonNull(keyAndSignature, "keyAndSignature");
            Fields.exactly("hash", hash, 48);
        }
    }

    private static void writeLms(LmsVerifyRequest v, FieldWriter out) {
        out.u32(v.pubKeyTreeType()).u32(v.pubKeyOtsType()).bytes(v.pubKeyId()).bytes(v.pubKeyDigest()).u32(v.signatureQ())
                .bytes(v.signatureOts()).u32(v.signatureTreeType()).bytes(v.signatureTreePath());
    }

    private static LmsVerifyRequest readLms(FieldReader in) {
        return new LmsVerifyRequest(in.u32("pub_key_tree_type"), in.u32("pub_key_ots_type"), in.bytes("pub_key_id", 16),
                in.bytes("pub_key_digest", 24), in.u32("signature_q"), in.bytes("signature_ots", 1252),
                in.u32("signature_tree_type"), in.bytes("signature_tree_path", 360));
    }

    public static final CommandCodec<LmsVerifyRequest, NoFields> LMS_VERIFY = CommandCodec.of(CaliptraCommand.LMS_VERIFY,
            Codec.fixed(1668, SignatureVerifyCommands::writeLms, SignatureVerifyCommands::readLms), NoFields.CODEC);

    public static final CommandCodec<LmsSignatureVerifyRequest, NoFields> LMS_SIGNATURE_VERIFY = CommandCodec.of(
            CaliptraCommand.LMS_SIGNATURE_VERIFY, Codec.fixed(1716, (v, out) -> {
                writeLms(v.keyAndSignature(), out);
                out.bytes(v.hash());
            }, in -> new LmsSignatureVerifyRequest(readLms(in), in.bytes("hash", 48))), NoFields.CODEC);

    /**
     * The 1.x maintenance branch's MDSV request: an ML-DSA-87 public key and signature over the
     * digest in the SHA accelerator, sent as {@code pub_key:u8[2592], signature:u8[4627], pad:u8}.
     */
    public record Mldsa87VerifyRequest(Octets pubKey, Octets signature) {
        public Mldsa87VerifyRequest {
            Fields.exactly("pub_key", pubKey, MLDSA87_PUBLIC_KEY);
            Fields.exactly("signature", signature, MLDSA87_SIGNATURE);
        }
    }

    public static final CommandCodec<Mldsa87VerifyRequest, NoFields> MLDSA87_VERIFY = CommandCodec.of(
            CaliptraCommand.MLDSA87_VERIFY, Codec.fixed(MLDSA87_PUBLIC_KEY + MLDSA87_SIGNATURE_SLOT,
                    (v, out) -> {
                        out.bytes(v.pubKey());
                        Layout.mldsaSignature(out, v.signature());
                    }, in -> new Mldsa87VerifyRequest(in.bytes("pub_key", MLDSA87_PUBLIC_KEY),
                            Layout.mldsaSignature(in, "signature"))), NoFields.CODEC);

    /**
     * The 2.x MLV2 request: an ML-DSA-87 key and signature over a message of at most 4096 bytes,
     * sent as {@code pub_key, signature:u8[4628], message_size, message:u8[4096]}; the Rust API
     * sends the used part of {@code message} and the device reads only that.
     */
    public record Mldsa87SignatureVerifyRequest(Octets pubKey, Octets signature, Octets message) {
        public static final int MAX_MESSAGE = 4096;

        public Mldsa87SignatureVerifyRequest {
            Fields.exactly("pub_key", pubKey, MLDSA87_PUBLIC_KEY);
            Fields.exactly("signature", signature, MLDSA87_SIGNATURE);
            Fields.atMost("message", message, MAX_MESSAGE);
        }
    }

    private static final int MLV2_FIXED = MLDSA87_PUBLIC_KEY + MLDSA87_SIGNATURE_SLOT + 4;

    public static final CommandCodec<Mldsa87SignatureVerifyRequest, NoFields> MLDSA87_SIGNATURE_VERIFY = CommandCodec.of(
            CaliptraCommand.MLDSA87_SIGNATURE_VERIFY,
            Codec.variable(MLV2_FIXED, MLV2_FIXED + Mldsa87SignatureVerifyRequest.MAX_MESSAGE, (v, out) -> {
                out.bytes(v.pubKey());
                Layout.mldsaSignature(out, v.signature());
                Layout.sized(out, "message", v.message(), Mldsa87SignatureVerifyRequest.MAX_MESSAGE, false);
            }, in -> {
                Octets pubKey = in.bytes("pub_key", MLDSA87_PUBLIC_KEY);
                Octets signature = Layout.mldsaSignature(in, "signature");
                int size = in.u32AtMost("message_size", Mldsa87SignatureVerifyRequest.MAX_MESSAGE);
                return new Mldsa87SignatureVerifyRequest(pubKey, signature, Layout.usedThenRest(in, "message", size));
            }), NoFields.CODEC);
}
