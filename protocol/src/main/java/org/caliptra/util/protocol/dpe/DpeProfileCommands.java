package org.caliptra.util.protocol.dpe;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

/**
 * The DPE profile commands Caliptra's runtime serves through INVOKE_DPE (caliptra-dpe at the
 * revisions caliptra-sw pins: 1.2's submodule and main's Cargo.lock), each a command id and the
 * codecs of its body after {@link DpeFrame}'s header. Little-endian integers; handles are 16 bytes,
 * TCIs, labels and digests 48. Where the generations differ (DERIVE_CONTEXT's SVN, CERTIFY_KEY's
 * certificate buffer) there is a codec per generation.
 */
public final class DpeProfileCommands {
    public static final int HANDLE = 16;
    public static final int TCI = DpeProfile.TCI_SIZE;
    public static final int MAX_CERT_V1 = 6144;
    public static final int MAX_CERT_V2 = 22 * 1024;
    public static final int CERTIFICATE_CHAIN_CHUNK = 2048;

    private DpeProfileCommands() {}

    /** One DPE command: its id and the codecs of its request and response bodies. */
    public record DpeCommand<Q, R>(int id, String name, Codec<Q> request, Codec<R> response) {
        /**
         * A request body as DPE reads it: bytes past the command's structure are ignored, a body
         * shorter than it is refused (DPE answers InvalidArgument).
         *
         * @throws org.caliptra.util.protocol.ProtocolException naming the field that is short
         */
        public Q decodeRequest(byte[] body) {
            byte[] used = body.length > request.maxSize() ? java.util.Arrays.copyOf(body, request.maxSize()) : body;
            return request.decode(used, name + " request");
        }

        public R decodeResponse(byte[] body) {
            return response.decode(body, name + " response");
        }
    }

    /** A context handle; all zeros is the default context, all 0xFF the invalid handle a retired parent gets. */
    public record ContextHandle(Octets bytes) {
        public static final ContextHandle DEFAULT = new ContextHandle(Octets.zeros(HANDLE));
        public static final ContextHandle INVALID = new ContextHandle(Octets.of(filled(HANDLE, 0xFF)));

        public ContextHandle {
            Fields.exactly("handle", bytes, HANDLE);
        }

        static ContextHandle read(FieldReader in, String field) {
            return new ContextHandle(in.bytes(field, HANDLE));
        }
    }

    // ---- GET_PROFILE (0x01) --------------------------------------------------------------------

    /** @param flags the support bits (Caliptra: every one, 0xEE6C0000) */
    public record Profile(int majorVersion, int minorVersion, int vendorId, int vendorSku, int maxTciNodes, int flags) {}

    public static final DpeCommand<NoFields, Profile> GET_PROFILE = new DpeCommand<>(0x01, "GET_PROFILE", NoFields.CODEC,
            Codec.fixed(20, (v, out) -> out.u16(v.majorVersion()).u16(v.minorVersion()).u32(v.vendorId()).u32(v.vendorSku())
                    .u32(v.maxTciNodes()).u32(v.flags()),
                    in -> new Profile(in.u16("major_version"), in.u16("minor_version"), in.u32("vendor_id"), in.u32("vendor_sku"),
                            in.u32("max_tci_nodes"), in.u32("flags"))));

    // ---- INITIALIZE_CONTEXT (0x07), ROTATE_CONTEXT_HANDLE (0x0E), DESTROY_CONTEXT (0x0F) ----------

    public record InitializeContextRequest(int flags) {
        public static final int SIMULATION = 1 << 31;
        public static final int DEFAULT = 1 << 30;
    }

    private static final Codec<ContextHandle> NEW_HANDLE = Codec.fixed(HANDLE, (v, out) -> out.bytes(v.bytes()),
            in -> ContextHandle.read(in, "handle"));

    public static final DpeCommand<InitializeContextRequest, ContextHandle> INITIALIZE_CONTEXT = new DpeCommand<>(0x07,
            "INITIALIZE_CONTEXT", Codec.fixed(4, (v, out) -> out.u32(v.flags()), in -> new InitializeContextRequest(in.u32("flags"))),
            NEW_HANDLE);

    public record RotateContextHandleRequest(ContextHandle handle, int flags) {
        public static final int TARGET_IS_DEFAULT = 1 << 31;
    }

    public static final DpeCommand<RotateContextHandleRequest, ContextHandle> ROTATE_CONTEXT_HANDLE = new DpeCommand<>(0x0E,
            "ROTATE_CONTEXT_HANDLE", Codec.fixed(HANDLE + 4, (v, out) -> out.bytes(v.handle().bytes()).u32(v.flags()),
                    in -> new RotateContextHandleRequest(ContextHandle.read(in, "handle"), in.u32("flags"))),
            NEW_HANDLE);

    public static final DpeCommand<ContextHandle, NoFields> DESTROY_CONTEXT = new DpeCommand<>(0x0F, "DESTROY_CONTEXT",
            Codec.fixed(HANDLE, (v, out) -> out.bytes(v.bytes()), in -> ContextHandle.read(in, "handle")), NoFields.CODEC);

    // ---- DERIVE_CONTEXT (0x08) ---------------------------------------------------------------

    /**
     * @param svn 2.x only (0 on 1.x, whose request has no such field)
     */
    public record DeriveContextRequest(ContextHandle handle, Octets data, int flags, int tciType, int targetLocality, int svn) {
        public static final int INTERNAL_INPUT_INFO = 1 << 31;
        public static final int INTERNAL_INPUT_DICE = 1 << 30;
        public static final int RETAIN_PARENT_CONTEXT = 1 << 29;
        public static final int MAKE_DEFAULT = 1 << 28;
        public static final int CHANGE_LOCALITY = 1 << 27;
        /** 1.x: INPUT_ALLOW_CA; 2.x: ALLOW_NEW_CONTEXT_TO_EXPORT. */
        public static final int BIT_26 = 1 << 26;
        public static final int INPUT_ALLOW_X509 = 1 << 25;
        public static final int RECURSIVE = 1 << 24;
        public static final int EXPORT_CDI = 1 << 23;
        public static final int CREATE_CERTIFICATE = 1 << 22;
        /** 2.x only. */
        public static final int ALLOW_RECURSIVE = 1 << 21;

        public DeriveContextRequest {
            Fields.exactly("data", data, TCI);
        }

        /** The same request as 1.x carries it: 1.x has no SVN field. */
        public DeriveContextRequest withoutSvn() {
            return new DeriveContextRequest(handle, data, flags, tciType, targetLocality, 0);
        }
    }

    public record DeriveContextResponse(ContextHandle handle, ContextHandle parentHandle) {}

    private static Codec<DeriveContextRequest> deriveContextRequest(boolean withSvn) {
        return Codec.fixed(HANDLE + TCI + 12 + (withSvn ? 4 : 0), (v, out) -> {
            out.bytes(v.handle().bytes()).bytes(v.data()).u32(v.flags()).u32(v.tciType()).u32(v.targetLocality());
            if (withSvn) {
                out.u32(v.svn());
            }
        }, in -> new DeriveContextRequest(ContextHandle.read(in, "handle"), in.bytes("data", TCI), in.u32("flags"),
                in.u32("tci_type"), in.u32("target_locality"), withSvn ? in.u32("svn") : 0));
    }

    private static final Codec<DeriveContextResponse> DERIVE_CONTEXT_RESPONSE = Codec.fixed(2 * HANDLE,
            (v, out) -> out.bytes(v.handle().bytes()).bytes(v.parentHandle().bytes()),
            in -> new DeriveContextResponse(ContextHandle.read(in, "handle"), ContextHandle.read(in, "parent_handle")));

    /** 1.x: 76-byte request. */
    public static final DpeCommand<DeriveContextRequest, DeriveContextResponse> DERIVE_CONTEXT_V1 = new DpeCommand<>(0x08,
            "DERIVE_CONTEXT", deriveContextRequest(false), DERIVE_CONTEXT_RESPONSE);
    /** 2.x: 80-byte request, with the SVN. */
    public static final DpeCommand<DeriveContextRequest, DeriveContextResponse> DERIVE_CONTEXT_V2 = new DpeCommand<>(0x08,
            "DERIVE_CONTEXT", deriveContextRequest(true), DERIVE_CONTEXT_RESPONSE);

    public static DpeCommand<DeriveContextRequest, DeriveContextResponse> deriveContext(Generation generation) {
        return generation == Generation.V1 ? DERIVE_CONTEXT_V1 : DERIVE_CONTEXT_V2;
    }

    /** DERIVE_CONTEXT with EXPORT_CDI and CREATE_CERTIFICATE: the exported CDI's handle and its certificate. */
    public record ExportedCdiResponse(ContextHandle handle, ContextHandle parentHandle, Octets exportedCdi, Octets certificate) {
        public static final int EXPORTED_CDI = 32;

        public ExportedCdiResponse {
            Fields.exactly("exported_cdi", exportedCdi, EXPORTED_CDI);
        }
    }

    private static Codec<ExportedCdiResponse> exportedCdiResponse(boolean whole, int maxCert) {
        int fixed = 2 * HANDLE + ExportedCdiResponse.EXPORTED_CDI + 4;
        java.util.function.BiConsumer<ExportedCdiResponse, FieldWriter> writer = (v, out) -> {
            out.bytes(v.handle().bytes()).bytes(v.parentHandle().bytes()).bytes(v.exportedCdi()).u32(v.certificate().length())
                    .bytes(v.certificate());
            if (whole) {
                out.bytes(new byte[maxCert - v.certificate().length()]);
            }
        };
        java.util.function.Function<FieldReader, ExportedCdiResponse> reader = in -> {
            var handle = ContextHandle.read(in, "handle");
            var parent = ContextHandle.read(in, "parent_handle");
            var cdi = in.bytes("exported_cdi", ExportedCdiResponse.EXPORTED_CDI);
            int size = in.u32AtMost("certificate_size", maxCert);
            var cert = in.bytes("new_certificate", size);
            if (whole) {
                in.bytes("new_certificate padding", maxCert - size);
            }
            return new ExportedCdiResponse(handle, parent, cdi, cert);
        };
        return whole ? Codec.fixed(fixed + maxCert, writer, reader) : Codec.variable(fixed, fixed + maxCert, writer, reader);
    }

    /** 1.x answers with the whole structure, 6144-byte certificate buffer included; 2.x with the used part. */
    public static final Codec<ExportedCdiResponse> EXPORTED_CDI_RESPONSE_V1 = exportedCdiResponse(true, MAX_CERT_V1);
    public static final Codec<ExportedCdiResponse> EXPORTED_CDI_RESPONSE_V2 = exportedCdiResponse(false, MAX_CERT_V2);

    public static Codec<ExportedCdiResponse> exportedCdiResponse(Generation generation) {
        return generation == Generation.V1 ? EXPORTED_CDI_RESPONSE_V1 : EXPORTED_CDI_RESPONSE_V2;
    }

    // ---- CERTIFY_KEY (0x09) ------------------------------------------------------------------

    public record CertifyKeyRequest(ContextHandle handle, int flags, int format, Octets label) {
        public static final int FORMAT_X509 = 0;
        public static final int FORMAT_CSR = 1;

        public CertifyKeyRequest {
            Fields.exactly("label", label, TCI);
        }
    }

    /** The P-384 profile's answer: the new handle, the derived public key and the certificate or CSR. */
    public record CertifyKeyResponse(ContextHandle newContextHandle, Octets derivedPubkeyX, Octets derivedPubkeyY, Octets cert) {
        public CertifyKeyResponse {
            Fields.exactly("derived_pubkey_x", derivedPubkeyX, 48);
            Fields.exactly("derived_pubkey_y", derivedPubkeyY, 48);
        }
    }

    private static final Codec<CertifyKeyRequest> CERTIFY_KEY_REQUEST = Codec.fixed(HANDLE + 8 + TCI,
            (v, out) -> out.bytes(v.handle().bytes()).u32(v.flags()).u32(v.format()).bytes(v.label()),
            in -> new CertifyKeyRequest(ContextHandle.read(in, "handle"), in.u32("flags"), in.u32("format"), in.bytes("label", TCI)));

    private static final int CERTIFY_KEY_FIXED = HANDLE + 96 + 4;

    /**
     * 1.x answers with the whole structure (the 6144-byte certificate buffer zero-filled past
     * cert_size); 2.x with the used part only.
     */
    private static Codec<CertifyKeyResponse> certifyKeyResponse(boolean whole, int maxCert) {
        java.util.function.BiConsumer<CertifyKeyResponse, FieldWriter> writer = (v, out) -> {
            out.bytes(v.newContextHandle().bytes()).bytes(v.derivedPubkeyX()).bytes(v.derivedPubkeyY()).u32(v.cert().length())
                    .bytes(v.cert());
            if (whole) {
                out.bytes(new byte[maxCert - v.cert().length()]);
            }
        };
        java.util.function.Function<FieldReader, CertifyKeyResponse> reader = in -> {
            var handle = ContextHandle.read(in, "new_context_handle");
            var x = in.bytes("derived_pubkey_x", 48);
            var y = in.bytes("derived_pubkey_y", 48);
            int size = in.u32AtMost("cert_size", maxCert);
            var cert = in.bytes("cert", size);
            if (whole) {
                in.bytes("cert padding", maxCert - size);
            }
            return new CertifyKeyResponse(handle, x, y, cert);
        };
        return whole ? Codec.fixed(CERTIFY_KEY_FIXED + maxCert, writer, reader)
                : Codec.variable(CERTIFY_KEY_FIXED, CERTIFY_KEY_FIXED + maxCert, writer, reader);
    }

    /** 1.x: the whole 6260-byte structure after the header. */
    public static final DpeCommand<CertifyKeyRequest, CertifyKeyResponse> CERTIFY_KEY_V1 = new DpeCommand<>(0x09, "CERTIFY_KEY",
            CERTIFY_KEY_REQUEST, certifyKeyResponse(true, MAX_CERT_V1));
    /** 2.x, P-384: the used part of the certificate buffer. */
    public static final DpeCommand<CertifyKeyRequest, CertifyKeyResponse> CERTIFY_KEY_V2 = new DpeCommand<>(0x09, "CERTIFY_KEY",
            CERTIFY_KEY_REQUEST, certifyKeyResponse(false, MAX_CERT_V2));

    public static DpeCommand<CertifyKeyRequest, CertifyKeyResponse> certifyKey(Generation generation) {
        return generation == Generation.V1 ? CERTIFY_KEY_V1 : CERTIFY_KEY_V2;
    }

    // ---- SIGN (0x0A), P-384 ------------------------------------------------------------------

    public record SignRequest(ContextHandle handle, Octets label, int flags, Octets digest) {
        public SignRequest {
            Fields.exactly("label", label, TCI);
            Fields.exactly("digest", digest, TCI);
        }
    }

    public record SignResponse(ContextHandle newContextHandle, Octets signatureR, Octets signatureS) {
        public SignResponse {
            Fields.exactly("sig_r", signatureR, 48);
            Fields.exactly("sig_s", signatureS, 48);
        }
    }

    public static final DpeCommand<SignRequest, SignResponse> SIGN = new DpeCommand<>(0x0A, "SIGN",
            Codec.fixed(HANDLE + TCI + 4 + TCI, (v, out) -> out.bytes(v.handle().bytes()).bytes(v.label()).u32(v.flags())
                    .bytes(v.digest()),
                    in -> new SignRequest(ContextHandle.read(in, "handle"), in.bytes("label", TCI), in.u32("flags"),
                            in.bytes("digest", TCI))),
            Codec.fixed(HANDLE + 96, (v, out) -> out.bytes(v.newContextHandle().bytes()).bytes(v.signatureR())
                    .bytes(v.signatureS()),
                    in -> new SignResponse(ContextHandle.read(in, "new_context_handle"), in.bytes("sig_r", 48),
                            in.bytes("sig_s", 48))));

    // ---- CERTIFY_KEY and SIGN, ML-DSA-87 profile (2.x INVOKE_DPE_MLDSA87) ------------------------

    public static final int MLDSA87_PUBLIC_KEY = 2592;
    public static final int MLDSA87_SIGNATURE = 4627;
    public static final int MLDSA87_MU = 64;

    /** The ML-DSA-87 profile's answer: the new handle, the derived public key and the certificate or CSR. */
    public record CertifyKeyMldsaResponse(ContextHandle newContextHandle, Octets derivedPubkey, Octets cert) {
        public CertifyKeyMldsaResponse {
            Fields.exactly("pubkey", derivedPubkey, MLDSA87_PUBLIC_KEY);
        }
    }

    public static final DpeCommand<CertifyKeyRequest, CertifyKeyMldsaResponse> CERTIFY_KEY_MLDSA87 = new DpeCommand<>(0x09,
            "CERTIFY_KEY", CERTIFY_KEY_REQUEST, Codec.variable(HANDLE + MLDSA87_PUBLIC_KEY + 4, HANDLE + MLDSA87_PUBLIC_KEY + 4 + MAX_CERT_V2,
                    (v, out) -> out.bytes(v.newContextHandle().bytes()).bytes(v.derivedPubkey()).u32(v.cert().length()).bytes(v.cert()),
                    in -> {
                        var handle = ContextHandle.read(in, "new_context_handle");
                        var pub = in.bytes("pubkey", MLDSA87_PUBLIC_KEY);
                        int size = in.u32AtMost("cert_size", MAX_CERT_V2);
                        return new CertifyKeyMldsaResponse(handle, pub, in.bytes("cert", size));
                    }));

    /** SIGN in the ML-DSA-87 profile: {@code mu} is FIPS 204's external μ for the derived key. */
    public record SignMldsaRequest(ContextHandle handle, Octets label, int flags, Octets mu) {
        /** The raw-message form, whose 1024-byte buffer does not fit INVOKE_DPE's 512 bytes. */
        public static final int IS_RAW = 1;

        public SignMldsaRequest {
            Fields.exactly("label", label, TCI);
            Fields.exactly("mu", mu, MLDSA87_MU);
        }
    }

    public record SignMldsaResponse(ContextHandle newContextHandle, Octets signature) {
        public SignMldsaResponse {
            Fields.exactly("sig", signature, MLDSA87_SIGNATURE);
        }
    }

    public static final DpeCommand<SignMldsaRequest, SignMldsaResponse> SIGN_MLDSA87 = new DpeCommand<>(0x0A, "SIGN",
            Codec.fixed(HANDLE + TCI + 4 + MLDSA87_MU, (v, out) -> out.bytes(v.handle().bytes()).bytes(v.label()).u32(v.flags())
                    .bytes(v.mu()),
                    in -> {
                        var handle = ContextHandle.read(in, "handle");
                        var label = in.bytes("label", TCI);
                        int flags = in.u32("flags");
                        if ((flags & SignMldsaRequest.IS_RAW) != 0) {
                            // DPE then reads size and a 1024-byte message, which INVOKE_DPE's 512 bytes cannot hold.
                            throw new org.caliptra.util.protocol.ProtocolException(
                                    "SIGN request: flags IS_RAW asks for a 1096-byte request, longer than this one");
                        }
                        return new SignMldsaRequest(handle, label, flags, in.bytes("mu", MLDSA87_MU));
                    }),
            Codec.fixed(HANDLE + MLDSA87_SIGNATURE + 1, (v, out) -> out.bytes(v.newContextHandle().bytes()).bytes(v.signature())
                    .u8(0),
                    in -> {
                        var handle = ContextHandle.read(in, "new_context_handle");
                        var sig = in.bytes("sig", MLDSA87_SIGNATURE);
                        in.bytes("_padding", 1);
                        return new SignMldsaResponse(handle, sig);
                    }));

    // ---- UPDATE_CONTEXT_MEASUREMENT (0x8000_0000, 2.x vendor command) ------------------------------

    /** Re-measure the active child of {@code parentHandle} whose TCI type is {@code tciType} with {@code data}. */
    public record UpdateContextMeasurementRequest(ContextHandle parentHandle, Octets data, int tciType) {
        public UpdateContextMeasurementRequest {
            Fields.exactly("data", data, TCI);
        }
    }

    public record UpdateContextMeasurementResponse(ContextHandle newContextHandle, ContextHandle newParentContextHandle) {}

    /** 2.x only; the request keeps two reserved words (the second where an SVN would be). */
    public static final DpeCommand<UpdateContextMeasurementRequest, UpdateContextMeasurementResponse> UPDATE_CONTEXT_MEASUREMENT =
            new DpeCommand<>(0x8000_0000, "UPDATE_CONTEXT_MEASUREMENT",
                    Codec.fixed(HANDLE + TCI + 12, (v, out) -> out.bytes(v.parentHandle().bytes()).bytes(v.data()).u32(0)
                            .u32(v.tciType()).u32(0), in -> {
                                var parent = ContextHandle.read(in, "parent_handle");
                                var data = in.bytes("data", TCI);
                                in.u32("reserved");
                                int tciType = in.u32("tci_type");
                                in.u32("reserved_svn");
                                return new UpdateContextMeasurementRequest(parent, data, tciType);
                            }),
                    Codec.fixed(2 * HANDLE, (v, out) -> out.bytes(v.newContextHandle().bytes()).bytes(v.newParentContextHandle().bytes()),
                            in -> new UpdateContextMeasurementResponse(ContextHandle.read(in, "new_context_handle"),
                                    ContextHandle.read(in, "new_parent_context_handle"))));

    // ---- GET_CERTIFICATE_CHAIN (0x10) ----------------------------------------------------------

    public record GetCertificateChainRequest(int offset, int size) {}

    /** A chunk of the DER chain; the response always carries the whole 2048-byte buffer. */
    public record CertificateChainChunk(Octets chunk) {
        public CertificateChainChunk {
            Fields.atMost("certificate_chain", chunk, CERTIFICATE_CHAIN_CHUNK);
        }
    }

    public static final DpeCommand<GetCertificateChainRequest, CertificateChainChunk> GET_CERTIFICATE_CHAIN = new DpeCommand<>(
            0x10, "GET_CERTIFICATE_CHAIN",
            Codec.fixed(8, (v, out) -> out.u32(v.offset()).u32(v.size()),
                    in -> new GetCertificateChainRequest(in.u32("offset"), in.u32("size"))),
            Codec.fixed(4 + CERTIFICATE_CHAIN_CHUNK, (v, out) -> out.u32(v.chunk().length()).bytes(v.chunk())
                    .bytes(new byte[CERTIFICATE_CHAIN_CHUNK - v.chunk().length()]), in -> {
                        int size = in.u32AtMost("certificate_size", CERTIFICATE_CHAIN_CHUNK);
                        var chunk = in.bytes("certificate_chain", size);
                        in.bytes("certificate_chain padding", CERTIFICATE_CHAIN_CHUNK - size);
                        return new CertificateChainChunk(chunk);
                    }));

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
