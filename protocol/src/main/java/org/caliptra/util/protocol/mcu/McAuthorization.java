package org.caliptra.util.protocol.mcu;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.caliptra.util.protocol.codec.Fields;

import static org.caliptra.util.protocol.codec.CryptoSizes.ECC384_SCALAR;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;

/**
 * The authorization trailer of the authorization-gated MC_* commands (fuse provisioning and the
 * DOT lock, disable, rotate and backup-blob subcommands; spec/hostlib.md §2.2–§2.4): the command's
 * own fields, then {@code nonce[48] ‖ ecc_pub_x[48] ‖ ecc_pub_y[48] ‖ mldsa_pub[2592] ‖
 * HybridSignature}. The MCU runtime's reference authorizer requires the trailer; the MCU ROM's fuse
 * handler (MC_FUSE_READ / WRITE / LOCK_PARTITION) takes the bare fields, so both forms decode.
 */
public final class McAuthorization {
    public static final int NONCE_SIZE = 48;

    private McAuthorization() {}

    /** An ECDSA P-384 signature (r, s) and an ML-DSA-87 signature over the same pre-image. */
    public record HybridSignature(Octets eccSigR, Octets eccSigS, Octets mldsaSig) {
        /** 48 + 48 + 4628. */
        public static final int SIZE = 4724;

        public HybridSignature {
            Fields.exactly("ecc_sig_r", eccSigR, ECC384_SCALAR);
            Fields.exactly("ecc_sig_s", eccSigS, ECC384_SCALAR);
            Fields.exactly("mldsa_sig", mldsaSig, MLDSA87_SIGNATURE_SLOT);
        }

        void write(FieldWriter out) {
            out.bytes(eccSigR).bytes(eccSigS).bytes(mldsaSig);
        }

        static HybridSignature read(FieldReader in) {
            return new HybridSignature(in.bytes("ecc_sig_r", ECC384_SCALAR), in.bytes("ecc_sig_s", ECC384_SCALAR),
                    in.bytes("mldsa_sig", MLDSA87_SIGNATURE_SLOT));
        }
    }

    /** The freshness nonce, the verifier's public keys and the hybrid signature that follow an authorized command. */
    public record Trailer(Octets nonce, Octets eccPubX, Octets eccPubY, Octets mldsaPub, HybridSignature signature) {
        /** 48 + 48 + 48 + 2592 + 4724. */
        public static final int SIZE = 7460;

        public Trailer {
            Fields.exactly("nonce", nonce, NONCE_SIZE);
            Fields.exactly("ecc_pub_x", eccPubX, ECC384_SCALAR);
            Fields.exactly("ecc_pub_y", eccPubY, ECC384_SCALAR);
            Fields.exactly("mldsa_pub", mldsaPub, MLDSA87_PUBLIC_KEY);
            Objects.requireNonNull(signature, "signature");
        }

        void write(FieldWriter out) {
            out.bytes(nonce).bytes(eccPubX).bytes(eccPubY).bytes(mldsaPub);
            signature.write(out);
        }

        static Trailer read(FieldReader in) {
            return new Trailer(in.bytes("nonce", NONCE_SIZE), in.bytes("ecc_pub_x", ECC384_SCALAR),
                    in.bytes("ecc_pub_y", ECC384_SCALAR), in.bytes("mldsa_pub", MLDSA87_PUBLIC_KEY),
                    HybridSignature.read(in));
        }
    }

    /** A command's fields with or without the authorization trailer that follows them. */
    public record Authorized<Q>(Q command, Optional<Trailer> authorization) {
        public Authorized {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(authorization, "authorization");
        }

        /** The bare fields, as the MCU ROM takes them and as a signer feeds them to {@link #preImage}. */
        public static <Q> Authorized<Q> bare(Q command) {
            return new Authorized<>(command, Optional.empty());
        }

        public static <Q> Authorized<Q> signed(Q command, Trailer authorization) {
            return new Authorized<>(command, Optional.of(authorization));
        }
    }

    /**
     * The codec of {@code fields} optionally followed by a trailer: exactly {@code fields.size()}
     * or {@code fields.size() + 7460} bytes.
     */
    public static <Q> Codec<Authorized<Q>> authorized(Codec<Q> fields) {
        if (!fields.fixedSize()) {
            throw new IllegalArgumentException("an authorized command's fields are fixed-size, got " + fields.sizeText());
        }
        return Codec.variable(fields.minSize(), fields.maxSize() + Trailer.SIZE, (v, out) -> {
            fields.write(v.command(), out);
            v.authorization().ifPresent(t -> t.write(out));
        }, in -> {
            Q command = fields.read(in);
            if (in.remaining() == 0) {
                return Authorized.bare(command);
            }
            if (in.remaining() != Trailer.SIZE) {
                throw in.error("authorization", in.position(),
                        "is " + in.remaining() + " bytes; the trailer is " + Trailer.SIZE + " bytes or absent");
            }
            return Authorized.signed(command, Trailer.read(in));
        });
    }

    /**
     * What both signatures of the trailer cover: {@code command code (big-endian) ‖ the command's
     * fields after the checksum ‖ nonce}. For DOT the fields start with the subcommand FourCC.
     */
    public static <Q> byte[] preImage(CommandCodec<Authorized<Q>, ?> command, Q fields, Octets nonce) {
        Fields.exactly("nonce", nonce, NONCE_SIZE);
        byte[] body = command.encodeRequest(Authorized.bare(fields));
        int code = command.code();
        return new FieldWriter(4 + body.length + NONCE_SIZE)
                .u8(code >>> 24).u8(code >>> 16).u8(code >>> 8).u8(code)
                .bytes(body).bytes(nonce).toByteArray();
    }
}
