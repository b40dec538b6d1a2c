package org.caliptra.util.host.commands.asymmetric;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.host.commands.KeyResponse;
import org.caliptra.util.host.commands.StatusResponse;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EccPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdhContext;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.EcdsaSignature;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaPublicKey;
import org.caliptra.util.protocol.cm.CmAsymmetricCommands.MldsaSignature;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.cm.KeyUsage;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CryptoSizes;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.caliptra.util.protocol.core.SignatureVerifyCommands;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsSignatureVerifyRequest;
import org.caliptra.util.protocol.core.SignatureVerifyCommands.LmsVerifyRequest;

/**
 * Public-key operations (spec/hostlib.md §2.1, §2.3): ECDSA P-384 and ECDH with device keys as the
 * reference lays them out, and LMS and ML-DSA-87, which the reference only numbers. ML-DSA keys are
 * device keys like ECDSA's (the cryptographic mailbox derives an ML-DSA-87 key pair from a seed
 * CMK), so MldsaKeygen/Sign/Verify take a CMK. LmsVerify carries the public key and signature
 * itself, as the core and MCU LMS verify commands do; LmsKeygen and LmsSign (stateful hash-based
 * signing) have no Caliptra command.
 */
public final class AsymmetricCommands {
    /** The most message bytes a sign or verify carries. */
    public static final int MAX_MESSAGE = 4096;
    public static final int ECC_SCALAR = CryptoSizes.ECC384_SCALAR;
    public static final int ECDH_CONTEXT_SIZE = CmAsymmetricCommands.ECDH_CONTEXT_SIZE;
    public static final int ECDH_EXCHANGE_SIZE = CmAsymmetricCommands.ECDH_EXCHANGE_DATA_SIZE;
    /** An LMS public key (type, OTS type, I, T[1]) for LMS_SHA256_N24_H15 / LMOTS_SHA256_N24_W4. */
    public static final int LMS_PUBLIC_KEY_SIZE = 48;
    /** An LMS signature (q, OTS signature, type, path) for the same parameter set. */
    public static final int LMS_SIGNATURE_SIZE = 1620;
    public static final int SHA384_SIZE = 48;

    private AsymmetricCommands() {}

    /** The public-key commands. */
    public sealed interface AsymmetricCommand<R> extends CatalogCommand<R> permits EcdsaSign, EcdsaVerify, EcdhGenerate,
            EcdsaPublicKey, EcdhFinish, LmsKeygen, LmsSign, LmsVerify, MldsaKeygen, MldsaSign, MldsaVerify {}

    /** {@code cmk u8[128]} then {@code message_size u32, message u8[4096]}: 4228 bytes. */
    private static <Q> Codec<Q> keyAndMessage(Function<Q, Cmk> key, Function<Q, Octets> message, BiFunction<Cmk, Octets, Q> make) {
        return Codec.fixed(Cmk.SIZE + 4 + MAX_MESSAGE,
                (v, out) -> InternalFields.sized(out.bytes(key.apply(v).bytes()), message.apply(v), MAX_MESSAGE),
                in -> make.apply(InternalFields.cmk(in, "cmk"), InternalFields.sized(in, "message_size", "message", MAX_MESSAGE)));
    }


    private static Cmk sampleKey() {
        return new Cmk(Octets.zeros(Cmk.SIZE));
    }

    /** EcdsaPublicKey's answer: the P-384 public key (X, Y big-endian). */
    public record PublicKeyResponse(int fipsStatus, EccPublicKey publicKey) {
        public PublicKeyResponse {
            InternalFields.present("EcdsaPublicKey", "public key", publicKey);
        }
    }

    /**
     * EcdsaPublicKey (0x4004).
     *
     * <pre>
     * internal request:  cmk u8[128]                                            (128)
     * internal response: fips_status, pub_key_x u8[48], pub_key_y u8[48]        (100)
     * </pre>
     */
    public record EcdsaPublicKey(Cmk cmk) implements AsymmetricCommand<PublicKeyResponse> {
        public static final CommandType<EcdsaPublicKey, PublicKeyResponse> TYPE = CommandType.of(CommandId.ECDSA_PUBLIC_KEY,
                EcdsaPublicKey.class, true, "Public key of an ECDSA P-384 device key",
                Codec.fixed(Cmk.SIZE, (v, out) -> out.bytes(v.cmk().bytes()), in -> new EcdsaPublicKey(InternalFields.cmk(in, "cmk"))),
                Codec.fixed(4 + 2 * ECC_SCALAR, (v, out) -> out.u32(v.fipsStatus()).bytes(v.publicKey().x()).bytes(v.publicKey().y()),
                        in -> new PublicKeyResponse(in.u32("fips_status"),
                                new EccPublicKey(in.bytes("pub_key_x", ECC_SCALAR), in.bytes("pub_key_y", ECC_SCALAR)))),
                () -> new EcdsaPublicKey(sampleKey()));

        public EcdsaPublicKey {
            InternalFields.present("EcdsaPublicKey", "cmk", cmk);
        }

        @Override
        public CommandType<EcdsaPublicKey, PublicKeyResponse> type() {
            return TYPE;
        }
    }

    /** EcdsaSign's answer: r and s, big-endian. */
    public record SignatureResponse(int fipsStatus, EcdsaSignature signature) {
        public SignatureResponse {
            InternalFields.present("EcdsaSign", "signature", signature);
        }
    }

    /**
     * EcdsaSign (0x4001): the device hashes the message with SHA-384 and signs the digest.
     *
     * <pre>
     * internal request:  cmk u8[128], message_size u32, message u8[4096]         (4228)
     * internal response: fips_status, signature_r u8[48], signature_s u8[48]     (100)
     * </pre>
     */
    public record EcdsaSign(Cmk cmk, Octets message) implements AsymmetricCommand<SignatureResponse> {
        public static final CommandType<EcdsaSign, SignatureResponse> TYPE = CommandType.of(CommandId.ECDSA_SIGN, EcdsaSign.class,
                true, "ECDSA P-384 signature of a message (up to 4096 bytes) with a device key",
                keyAndMessage(EcdsaSign::cmk, EcdsaSign::message, EcdsaSign::new),
                Codec.fixed(4 + 2 * ECC_SCALAR, (v, out) -> out.u32(v.fipsStatus()).bytes(v.signature().r()).bytes(v.signature().s()),
                        in -> new SignatureResponse(in.u32("fips_status"), readSignature(in))),
                () -> new EcdsaSign(sampleKey(), Octets.of("Test message for ECDSA signing".getBytes())));

        public EcdsaSign {
            InternalFields.present("EcdsaSign", "cmk", cmk);
            InternalFields.atMost("EcdsaSign", "message", message, MAX_MESSAGE);
        }

        @Override
        public CommandType<EcdsaSign, SignatureResponse> type() {
            return TYPE;
        }
    }

    private static EcdsaSignature readSignature(FieldReader in) {
        return new EcdsaSignature(in.bytes("signature_r", ECC_SCALAR), in.bytes("signature_s", ECC_SCALAR));
    }

    /**
     * EcdsaVerify (0x4002): a bad signature is the device's refusal (a device error), not a flag.
     *
     * <pre>
     * internal request:  cmk u8[128], signature_r u8[48], signature_s u8[48], message_size u32,
     *                    message u8[4096]                                                       (4324)
     * internal response: fips_status                                                            (4)
     * </pre>
     */
    public record EcdsaVerify(Cmk cmk, EcdsaSignature signature, Octets message) implements AsymmetricCommand<StatusResponse> {
        public static final CommandType<EcdsaVerify, StatusResponse> TYPE = CommandType.of(CommandId.ECDSA_VERIFY,
                EcdsaVerify.class, true, "Verify an ECDSA P-384 signature of a message with a device key",
                Codec.fixed(Cmk.SIZE + 2 * ECC_SCALAR + 4 + MAX_MESSAGE,
                        (v, out) -> InternalFields.sized(out.bytes(v.cmk().bytes()).bytes(v.signature().r()).bytes(v.signature().s()),
                                v.message(), MAX_MESSAGE),
                        in -> new EcdsaVerify(InternalFields.cmk(in, "cmk"), readSignature(in),
                                InternalFields.sized(in, "message_size", "message", MAX_MESSAGE))),
                StatusResponse.CODEC,
                () -> new EcdsaVerify(sampleKey(), new EcdsaSignature(Octets.zeros(ECC_SCALAR), Octets.zeros(ECC_SCALAR)),
                        Octets.of("Test message for ECDSA signing".getBytes())));

        public EcdsaVerify {
            InternalFields.present("EcdsaVerify", "cmk", cmk);
            InternalFields.present("EcdsaVerify", "signature", signature);
            InternalFields.atMost("EcdsaVerify", "message", message, MAX_MESSAGE);
        }

        @Override
        public CommandType<EcdsaVerify, StatusResponse> type() {
            return TYPE;
        }
    }

    /** EcdhGenerate's answer: the context to finish with, and the device's public point (X ‖ Y). */
    public record EcdhGenerateResponse(int fipsStatus, EcdhContext context, Octets exchangeData) {
        public EcdhGenerateResponse {
            InternalFields.present("EcdhGenerate", "context", context);
            InternalFields.exactly("EcdhGenerate", "exchange_data", exchangeData, ECDH_EXCHANGE_SIZE);
        }
    }

    /**
     * EcdhGenerate (0x4003): a fresh P-384 key pair for one exchange. The reserved word is the
     * reference's; no wire form carries it.
     *
     * <pre>
     * internal request:  _reserved u32                                          (4)
     * internal response: fips_status, context u8[76], exchange_data u8[96]      (176)
     * </pre>
     */
    public record EcdhGenerate() implements AsymmetricCommand<EcdhGenerateResponse> {
        public static final CommandType<EcdhGenerate, EcdhGenerateResponse> TYPE = CommandType.of(CommandId.ECDH_GENERATE,
                EcdhGenerate.class, false, "Start an ECDH P-384 exchange: a fresh key pair's context and public point",
                Codec.fixed(4, (v, out) -> out.u32(0), in -> {
                    in.u32Equal("_reserved", 0);
                    return new EcdhGenerate();
                }),
                Codec.fixed(4 + ECDH_CONTEXT_SIZE + ECDH_EXCHANGE_SIZE,
                        (v, out) -> out.u32(v.fipsStatus()).bytes(v.context().bytes()).bytes(v.exchangeData()),
                        in -> new EcdhGenerateResponse(in.u32("fips_status"), new EcdhContext(in.bytes("context", ECDH_CONTEXT_SIZE)),
                                in.bytes("exchange_data", ECDH_EXCHANGE_SIZE))),
                EcdhGenerate::new);

        @Override
        public CommandType<EcdhGenerate, EcdhGenerateResponse> type() {
            return TYPE;
        }
    }

    /**
     * EcdhFinish (0x4005): the shared secret with the peer's point, as a device key of {@code usage}.
     *
     * <pre>
     * internal request:  context u8[76], key_usage u32, incoming_exchange_data u8[96]   (176)
     * internal response: fips_status, cmk u8[128]                                      (132)
     * </pre>
     */
    public record EcdhFinish(EcdhContext context, KeyUsage usage, Octets incomingExchangeData)
            implements AsymmetricCommand<KeyResponse> {
        public static final CommandType<EcdhFinish, KeyResponse> TYPE = CommandType.of(CommandId.ECDH_FINISH, EcdhFinish.class,
                false, "Finish an ECDH exchange with the peer's point: the shared secret as a device key",
                Codec.fixed(ECDH_CONTEXT_SIZE + 4 + ECDH_EXCHANGE_SIZE,
                        (v, out) -> out.bytes(v.context().bytes()).u32(v.usage().value()).bytes(v.incomingExchangeData()),
                        in -> new EcdhFinish(new EcdhContext(in.bytes("context", ECDH_CONTEXT_SIZE)), InternalFields.keyUsage(in, "key_usage"),
                                in.bytes("incoming_exchange_data", ECDH_EXCHANGE_SIZE))),
                KeyResponse.codec("output"),
                () -> new EcdhFinish(new EcdhContext(Octets.zeros(ECDH_CONTEXT_SIZE)), KeyUsage.AES, Octets.zeros(ECDH_EXCHANGE_SIZE)));

        public EcdhFinish {
            InternalFields.present("EcdhFinish", "context", context);
            InternalFields.present("EcdhFinish", "key_usage", usage);
            InternalFields.exactly("EcdhFinish", "incoming_exchange_data", incomingExchangeData, ECDH_EXCHANGE_SIZE);
        }

        @Override
        public CommandType<EcdhFinish, KeyResponse> type() {
            return TYPE;
        }
    }

    /**
     * An LMS public key of the image-signing parameter set (RFC 8554 fields; the type words are
     * little-endian u32 on the wire, as in the Caliptra verify commands).
     */
    public record LmsPublicKey(int lmsType, int otsType, Octets id, Octets digest) {
        public LmsPublicKey {
            InternalFields.exactly("LMS public key", "pub_key_id", id, 16);
            InternalFields.exactly("LMS public key", "pub_key_digest", digest, 24);
        }
    }

    /** An LMS signature of the same parameter set: leaf q, OTS signature, LMS type, authentication path. */
    public record LmsSignature(int q, Octets ots, int lmsType, Octets path) {
        public LmsSignature {
            InternalFields.exactly("LMS signature", "signature_ots", ots, 1252);
            InternalFields.exactly("LMS signature", "signature_tree_path", path, 360);
        }
    }

    static void writeLmsKey(FieldWriter out, LmsPublicKey k) {
        out.u32(k.lmsType()).u32(k.otsType()).bytes(k.id()).bytes(k.digest());
    }

    static LmsPublicKey readLmsKey(FieldReader in) {
        return new LmsPublicKey(in.u32("pub_key_tree_type"), in.u32("pub_key_ots_type"), in.bytes("pub_key_id", 16),
                in.bytes("pub_key_digest", 24));
    }

    static void writeLmsSignature(FieldWriter out, LmsSignature s) {
        out.u32(s.q()).bytes(s.ots()).u32(s.lmsType()).bytes(s.path());
    }

    static LmsSignature readLmsSignature(FieldReader in) {
        return new LmsSignature(in.u32("signature_q"), in.bytes("signature_ots", 1252), in.u32("signature_tree_type"),
                in.bytes("signature_tree_path", 360));
    }

    static LmsPublicKey sampleLmsKey() {
        return new LmsPublicKey(LmsVerifyRequest.LMS_SHA256_N24_H15, LmsVerifyRequest.LMOTS_SHA256_N24_W4, Octets.zeros(16),
                Octets.zeros(24));
    }

    /** LmsKeygen's answer. */
    public record LmsPublicKeyResponse(int fipsStatus, LmsPublicKey publicKey) {
        public LmsPublicKeyResponse {
            InternalFields.present("LmsKeygen", "public key", publicKey);
        }
    }

    /**
     * LmsKeygen (0x4010): the LMS public key of a seed device key. No Caliptra target carries it
     * (Caliptra verifies LMS but holds no LMS signing keys). Layout of this library:
     *
     * <pre>
     * internal request:  cmk u8[128]                                                       (128)
     * internal response: fips_status, pub_key_tree_type u32, pub_key_ots_type u32,
     *                    pub_key_id u8[16], pub_key_digest u8[24]                          (52)
     * </pre>
     */
    public record LmsKeygen(Cmk seed) implements AsymmetricCommand<LmsPublicKeyResponse> {
        public static final CommandType<LmsKeygen, LmsPublicKeyResponse> TYPE = CommandType.of(CommandId.LMS_KEYGEN, LmsKeygen.class,
                true, "LMS public key of a seed device key (no Caliptra target implements it)",
                Codec.fixed(Cmk.SIZE, (v, out) -> out.bytes(v.seed().bytes()), in -> new LmsKeygen(InternalFields.cmk(in, "cmk"))),
                Codec.fixed(4 + LMS_PUBLIC_KEY_SIZE, (v, out) -> writeLmsKey(out.u32(v.fipsStatus()), v.publicKey()),
                        in -> new LmsPublicKeyResponse(in.u32("fips_status"), readLmsKey(in))),
                () -> new LmsKeygen(sampleKey()));

        public LmsKeygen {
            InternalFields.present("LmsKeygen", "cmk", seed);
        }

        @Override
        public CommandType<LmsKeygen, LmsPublicKeyResponse> type() {
            return TYPE;
        }
    }

    /** LmsSign's answer. */
    public record LmsSignatureResponse(int fipsStatus, LmsSignature signature) {
        public LmsSignatureResponse {
            InternalFields.present("LmsSign", "signature", signature);
        }
    }

    /**
     * LmsSign (0x4011): an LMS signature, which spends one leaf of the key. No Caliptra target
     * carries it. Layout of this library:
     *
     * <pre>
     * internal request:  cmk u8[128], message_size u32, message u8[4096]                (4228)
     * internal response: fips_status, signature_q u32, signature_ots u8[1252],
     *                    signature_tree_type u32, signature_tree_path u8[360]           (1624)
     * </pre>
     */
    public record LmsSign(Cmk cmk, Octets message) implements AsymmetricCommand<LmsSignatureResponse> {
        public static final CommandType<LmsSign, LmsSignatureResponse> TYPE = CommandType.of(CommandId.LMS_SIGN, LmsSign.class,
                false, "LMS signature of a message, spending one leaf (no Caliptra target implements it)",
                keyAndMessage(LmsSign::cmk, LmsSign::message, LmsSign::new),
                Codec.fixed(4 + LMS_SIGNATURE_SIZE, (v, out) -> writeLmsSignature(out.u32(v.fipsStatus()), v.signature()),
                        in -> new LmsSignatureResponse(in.u32("fips_status"), readLmsSignature(in))),
                () -> new LmsSign(sampleKey(), Octets.of("message".getBytes())));

        public LmsSign {
            InternalFields.present("LmsSign", "cmk", cmk);
            InternalFields.atMost("LmsSign", "message", message, MAX_MESSAGE);
        }

        @Override
        public CommandType<LmsSign, LmsSignatureResponse> type() {
            return TYPE;
        }
    }

    /**
     * LmsVerify (0x4012): an LMS signature over a SHA-384 digest, verified with the given public key;
     * a bad signature is the device's refusal. The internal request is the LMV2 / MC_LMS_SIG_VERIFY
     * request ({@link SignatureVerifyCommands#LMS_SIGNATURE_VERIFY}):
     *
     * <pre>
     * internal request:  pub_key_tree_type u32, pub_key_ots_type u32, pub_key_id u8[16],
     *                    pub_key_digest u8[24], signature_q u32, signature_ots u8[1252],
     *                    signature_tree_type u32, signature_tree_path u8[360], hash u8[48]   (1716)
     * internal response: fips_status                                                          (4)
     * </pre>
     */
    public record LmsVerify(LmsPublicKey publicKey, LmsSignature signature, Octets hash) implements AsymmetricCommand<StatusResponse> {
        public static final CommandType<LmsVerify, StatusResponse> TYPE = CommandType.of(CommandId.LMS_VERIFY, LmsVerify.class, true,
                "Verify an LMS signature of a SHA-384 digest with a given public key",
                Codec.fixed(1716, (v, out) -> out.bytes(SignatureVerifyCommands.LMS_SIGNATURE_VERIFY.encodeRequest(v.toWire())),
                        in -> fromWire(SignatureVerifyCommands.LMS_SIGNATURE_VERIFY.request().read(in))),
                StatusResponse.CODEC,
                () -> new LmsVerify(sampleLmsKey(), new LmsSignature(0, Octets.zeros(1252), LmsVerifyRequest.LMS_SHA256_N24_H15,
                        Octets.zeros(360)), Octets.zeros(SHA384_SIZE)));

        public LmsVerify {
            InternalFields.present("LmsVerify", "public key", publicKey);
            InternalFields.present("LmsVerify", "signature", signature);
            InternalFields.exactly("LmsVerify", "hash", hash, SHA384_SIZE);
        }

        /** The LMV2 request these fields are. */
        public LmsSignatureVerifyRequest toWire() {
            return new LmsSignatureVerifyRequest(new LmsVerifyRequest(publicKey.lmsType(), publicKey.otsType(), publicKey.id(),
                    publicKey.digest(), signature.q(), signature.ots(), signature.lmsType(), signature.path()), hash);
        }

        static LmsVerify fromWire(LmsSignatureVerifyRequest r) {
            LmsVerifyRequest k = r.keyAndSignature();
            return new LmsVerify(new LmsPublicKey(k.pubKeyTreeType(), k.pubKeyOtsType(), k.pubKeyId(), k.pubKeyDigest()),
                    new LmsSignature(k.signatureQ(), k.signatureOts(), k.signatureTreeType(), k.signatureTreePath()), r.hash());
        }

        @Override
        public CommandType<LmsVerify, StatusResponse> type() {
            return TYPE;
        }
    }

    /** MldsaKeygen's answer: the ML-DSA-87 public key. */
    public record MldsaPublicKeyResponse(int fipsStatus, MldsaPublicKey publicKey) {
        public MldsaPublicKeyResponse {
            InternalFields.present("MldsaKeygen", "public key", publicKey);
        }
    }

    /**
     * MldsaKeygen (0x4020): the ML-DSA-87 public key of the key pair the device derives from a seed
     * CMK (usage MLDSA). Layout of this library, after MC_MLDSA_CMK_PUBLIC_KEY:
     *
     * <pre>
     * internal request:  cmk u8[128]                                            (128)
     * internal response: fips_status, public_key u8[2592]                       (2596)
     * </pre>
     */
    public record MldsaKeygen(Cmk seed) implements AsymmetricCommand<MldsaPublicKeyResponse> {
        public static final CommandType<MldsaKeygen, MldsaPublicKeyResponse> TYPE = CommandType.of(CommandId.MLDSA_KEYGEN,
                MldsaKeygen.class, true, "ML-DSA-87 public key of the key pair derived from a seed device key",
                Codec.fixed(Cmk.SIZE, (v, out) -> out.bytes(v.seed().bytes()), in -> new MldsaKeygen(InternalFields.cmk(in, "cmk"))),
                Codec.fixed(4 + CryptoSizes.MLDSA87_PUBLIC_KEY, (v, out) -> out.u32(v.fipsStatus()).bytes(v.publicKey().bytes()),
                        in -> new MldsaPublicKeyResponse(in.u32("fips_status"),
                                new MldsaPublicKey(in.bytes("public_key", CryptoSizes.MLDSA87_PUBLIC_KEY)))),
                () -> new MldsaKeygen(sampleKey()));

        public MldsaKeygen {
            InternalFields.present("MldsaKeygen", "cmk", seed);
        }

        @Override
        public CommandType<MldsaKeygen, MldsaPublicKeyResponse> type() {
            return TYPE;
        }
    }

    /** MldsaSign's answer: the 4627-byte signature in its 4628-byte field. */
    public record MldsaSignatureResponse(int fipsStatus, MldsaSignature signature) {
        public MldsaSignatureResponse {
            InternalFields.present("MldsaSign", "signature", signature);
        }
    }

    /**
     * MldsaSign (0x4021). Layout of this library, after MC_MLDSA_CMK_SIGN:
     *
     * <pre>
     * internal request:  cmk u8[128], message_size u32, message u8[4096]         (4228)
     * internal response: fips_status, signature u8[4628]                         (4632)
     * </pre>
     */
    public record MldsaSign(Cmk cmk, Octets message) implements AsymmetricCommand<MldsaSignatureResponse> {
        public static final CommandType<MldsaSign, MldsaSignatureResponse> TYPE = CommandType.of(CommandId.MLDSA_SIGN, MldsaSign.class,
                true, "ML-DSA-87 signature of a message (up to 4096 bytes) with a device key",
                keyAndMessage(MldsaSign::cmk, MldsaSign::message, MldsaSign::new),
                Codec.fixed(4 + CryptoSizes.MLDSA87_SIGNATURE_SLOT, (v, out) -> out.u32(v.fipsStatus()).bytes(v.signature().field()),
                        in -> new MldsaSignatureResponse(in.u32("fips_status"),
                                new MldsaSignature(in.bytes("signature", CryptoSizes.MLDSA87_SIGNATURE_SLOT)))),
                () -> new MldsaSign(sampleKey(), Octets.of("message".getBytes())));

        public MldsaSign {
            InternalFields.present("MldsaSign", "cmk", cmk);
            InternalFields.atMost("MldsaSign", "message", message, MAX_MESSAGE);
        }

        @Override
        public CommandType<MldsaSign, MldsaSignatureResponse> type() {
            return TYPE;
        }
    }

    /**
     * MldsaVerify (0x4022): a bad signature is the device's refusal. Layout of this library, after
     * MC_MLDSA_CMK_VERIFY:
     *
     * <pre>
     * internal request:  cmk u8[128], signature u8[4628], message_size u32, message u8[4096]  (8856)
     * internal response: fips_status                                                          (4)
     * </pre>
     */
    public record MldsaVerify(Cmk cmk, MldsaSignature signature, Octets message) implements AsymmetricCommand<StatusResponse> {
        public static final CommandType<MldsaVerify, StatusResponse> TYPE = CommandType.of(CommandId.MLDSA_VERIFY, MldsaVerify.class,
                true, "Verify an ML-DSA-87 signature of a message with a device key",
                Codec.fixed(Cmk.SIZE + CryptoSizes.MLDSA87_SIGNATURE_SLOT + 4 + MAX_MESSAGE,
                        (v, out) -> InternalFields.sized(out.bytes(v.cmk().bytes()).bytes(v.signature().field()), v.message(), MAX_MESSAGE),
                        in -> new MldsaVerify(InternalFields.cmk(in, "cmk"),
                                new MldsaSignature(in.bytes("signature", CryptoSizes.MLDSA87_SIGNATURE_SLOT)),
                                InternalFields.sized(in, "message_size", "message", MAX_MESSAGE))),
                StatusResponse.CODEC,
                () -> new MldsaVerify(sampleKey(), new MldsaSignature(Octets.zeros(CryptoSizes.MLDSA87_SIGNATURE_SLOT)),
                        Octets.of("message".getBytes())));

        public MldsaVerify {
            InternalFields.present("MldsaVerify", "cmk", cmk);
            InternalFields.present("MldsaVerify", "signature", signature);
            InternalFields.atMost("MldsaVerify", "message", message, MAX_MESSAGE);
        }

        @Override
        public CommandType<MldsaVerify, StatusResponse> type() {
            return TYPE;
        }
    }

}
