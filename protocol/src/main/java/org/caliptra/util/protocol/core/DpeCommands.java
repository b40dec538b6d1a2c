package org.caliptra.util.protocol.core;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.Fields;
import org.caliptra.util.protocol.codec.NoFields;

import static org.caliptra.util.protocol.codec.CryptoSizes.ECC384_SCALAR;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_PUBLIC_KEY;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;

/**
 * The mailbox side of DPE (spec/device.md §4.2, §4.3): the wrappers that carry serialized DPE
 * commands and responses, and the DPE-adjacent commands (attestation, subject alt name, exported
 * CDIs, context limits). The DPE commands inside {@code data} and {@code certify_key_req} are opaque
 * here.
 */
public final class DpeCommands {
    /** Largest serialized DPE command INVOKE_DPE_* carries. */
    public static final int MAX_DPE_COMMAND = 512;
    /** 1.2 InvokeDpeResp buffer (spec/device.md §2.5). */
    public static final int MAX_DPE_RESPONSE_V1 = 6556;
    /** 2.x InvokeDpeResp buffer, and the 1.x maintenance branch's ML-DSA one. */
    public static final int MAX_DPE_RESPONSE_V2 = 25168;
    /** 1.2 CERTIFY_KEY_EXTENDED response: a fixed buffer with no size field. */
    public static final int CERTIFY_KEY_RESPONSE_V1 = 6272;
    /** 2.x and 1.x-branch CERTIFY_KEY_EXTENDED response buffer. */
    public static final int MAX_CERTIFY_KEY_RESPONSE = 25152;
    public static final int CERTIFY_KEY_REQUEST = 72;
    public static final int MAX_CERTIFY_KEY_CHUNK = 15 * 1024;
    public static final int EXPORTED_CDI_HANDLE = 32;

    private DpeCommands() {}

    /** A serialized DPE command for INVOKE_DPE_ECC384 (and the 1.x branch's INVOKE_DPE_MLDSA87). */
    public record InvokeDpeRequest(Octets data) {
        public InvokeDpeRequest {
            Fields.atMost("data", data, MAX_DPE_COMMAND);
        }
    }

    /**
     * A DPE response as the mailbox carries it, or none when the request asked for
     * EXTERNAL_AXI_RESPONSE: the device then DMAs the whole response (with its own mailbox header)
     * to the AXI address and the mailbox response is H alone.
     */
    public record DpeResponse(Optional<Octets> data) {
        public static final DpeResponse SENT_OVER_AXI = new DpeResponse(Optional.empty());

        public DpeResponse {
            Objects.requireNonNull(data, "data");
        }

        public static DpeResponse of(Octets data) {
            return new DpeResponse(Optional.of(data));
        }

        public boolean sentOverAxi() {
            return data.isEmpty();
        }

        /** The response bytes; fails for {@link #SENT_OVER_AXI}. */
        public Octets bytes() {
            return data.orElseThrow(() -> new IllegalStateException("the DPE response went to the AXI address"));
        }
    }

    /**
     * {@code sizeField:u32, dataField[size]}; with {@code axiCapable} an empty message stands for
     * {@link DpeResponse#SENT_OVER_AXI}. Devices send only the used part.
     */
    private static Codec<DpeResponse> dpeResponse(String sizeField, String dataField, int capacity, boolean axiCapable) {
        return Codec.variable(axiCapable ? 0 : 4, 4 + capacity, (v, out) -> {
            if (v.sentOverAxi()) {
                if (!axiCapable) {
                    throw new IllegalArgumentException(dataField + " cannot go to an AXI address for this command");
                }
                return;
            }
            Layout.sized(out, dataField, v.bytes(), capacity, false);
        }, in -> {
            if (axiCapable && in.remaining() == 0) {
                return DpeResponse.SENT_OVER_AXI;
            }
            int size = in.u32AtMost(sizeField, capacity);
            return DpeResponse.of(Layout.usedThenRest(in, dataField, size));
        });
    }

    /** Only the {@code data_size} used bytes are sent (libcaliptra and the Rust API alike). */
    private static final Codec<InvokeDpeRequest> INVOKE_DPE_REQUEST = Codec.variable(4, 4 + MAX_DPE_COMMAND,
            (v, out) -> Layout.sized(out, "data", v.data(), MAX_DPE_COMMAND, false),
            in -> new InvokeDpeRequest(Layout.usedThenRest(in, "data", in.u32AtMost("data_size", MAX_DPE_COMMAND))));

    public static final CommandCodec<InvokeDpeRequest, DpeResponse> INVOKE_DPE_ECC384_V1 = CommandCodec.of(
            CaliptraCommand.INVOKE_DPE_ECC384, INVOKE_DPE_REQUEST, dpeResponse("data_size", "data", MAX_DPE_RESPONSE_V1, false));
    public static final CommandCodec<InvokeDpeRequest, DpeResponse> INVOKE_DPE_ECC384_V2 = CommandCodec.of(
            CaliptraCommand.INVOKE_DPE_ECC384, INVOKE_DPE_REQUEST, dpeResponse("data_size", "data", MAX_DPE_RESPONSE_V2, false));

    public static CommandCodec<InvokeDpeRequest, DpeResponse> invokeDpeEcc384(Generation generation) {
        return generation == Generation.V1 ? INVOKE_DPE_ECC384_V1 : INVOKE_DPE_ECC384_V2;
    }

    /** The 1.x maintenance branch's INVOKE_DPE_MLDSA87 ("MLDP"): the ECC384 layout with a larger response. */
    public static final CommandCodec<InvokeDpeRequest, DpeResponse> INVOKE_DPE_MLDSA87_V1 = CommandCodec.of(
            CaliptraCommand.INVOKE_DPE_MLDSA87_V1, INVOKE_DPE_REQUEST,
            dpeResponse("data_size", "data", MAX_DPE_RESPONSE_V2, false));

    /**
     * The 2.x INVOKE_DPE_MLDSA87 ("DPEM") request: {@code flags} ({@link #EXTERNAL_AXI_RESPONSE}
     * sends the response to the AXI address, at most {@code axiMaxSize} bytes; subsystem MCU only),
     * then the serialized DPE command.
     */
    public record InvokeDpeMldsa87Request(int flags, int axiAddrLo, int axiAddrHi, int axiMaxSize, Octets data) {
        public static final int EXTERNAL_AXI_RESPONSE = 1 << 31;

        public InvokeDpeMldsa87Request {
            Fields.atMost("data", data, MAX_DPE_COMMAND);
        }

        public static InvokeDpeMldsa87Request overMailbox(Octets data) {
            return new InvokeDpeMldsa87Request(0, 0, 0, 0, data);
        }

        public boolean externalAxiResponse() {
            return (flags & EXTERNAL_AXI_RESPONSE) != 0;
        }
    }

    public static final CommandCodec<InvokeDpeMldsa87Request, DpeResponse> INVOKE_DPE_MLDSA87 = CommandCodec.of(
            CaliptraCommand.INVOKE_DPE_MLDSA87, Codec.variable(20, 20 + MAX_DPE_COMMAND, (v, out) -> {
                out.u32(v.flags()).u32(v.axiAddrLo()).u32(v.axiAddrHi()).u32(v.axiMaxSize());
                Layout.sized(out, "data", v.data(), MAX_DPE_COMMAND, false);
            }, in -> {
                int flags = in.u32("flags");
                int lo = in.u32("axi_addr_lo");
                int hi = in.u32("axi_addr_hi");
                int max = in.u32("axi_max_size");
                int size = in.u32AtMost("data_size", MAX_DPE_COMMAND);
                return new InvokeDpeMldsa87Request(flags, lo, hi, max, Layout.usedThenRest(in, "data", size));
            }), dpeResponse("data_size", "data", MAX_DPE_RESPONSE_V2, true));

    /**
     * CERTIFY_KEY_EXTENDED's request (ECC384 on both generations, and the 1.x branch's ML-DSA-87
     * "CKEM"): {@code flags} ({@link #DMTF_OTHER_NAME} adds the ADD_SUBJECT_ALT_NAME otherName) and a
     * serialized 72-byte DPE CertifyKey command.
     */
    public record CertifyKeyExtendedRequest(int flags, Octets certifyKeyReq) {
        public static final int DMTF_OTHER_NAME = 1 << 31;

        public CertifyKeyExtendedRequest {
            Fields.exactly("certify_key_req", certifyKeyReq, CERTIFY_KEY_REQUEST);
        }
    }

    private static final Codec<CertifyKeyExtendedRequest> CERTIFY_KEY_EXTENDED_REQUEST = Codec.fixed(4 + CERTIFY_KEY_REQUEST,
            (v, out) -> out.u32(v.flags()).bytes(v.certifyKeyReq()),
            in -> new CertifyKeyExtendedRequest(in.u32("flags"), in.bytes("certify_key_req", CERTIFY_KEY_REQUEST)));

    /**
     * 1.2 releases answer with the whole 6272-byte {@code certify_key_resp} buffer and no size field;
     * the DPE response inside gives its own length. A shorter value is zero-padded on encoding.
     */
    public static final CommandCodec<CertifyKeyExtendedRequest, DpeResponse> CERTIFY_KEY_EXTENDED_ECC384_V1 = CommandCodec.of(
            CaliptraCommand.CERTIFY_KEY_EXTENDED_ECC384, CERTIFY_KEY_EXTENDED_REQUEST,
            Codec.fixed(CERTIFY_KEY_RESPONSE_V1,
                    (v, out) -> Layout.buffer(out, "certify_key_resp", v.bytes(), CERTIFY_KEY_RESPONSE_V1, true),
                    in -> DpeResponse.of(in.bytes("certify_key_resp", CERTIFY_KEY_RESPONSE_V1))));
    /** The 1.x maintenance branch prefixes the response with its size, as 2.x does. */
    public static final CommandCodec<CertifyKeyExtendedRequest, DpeResponse> CERTIFY_KEY_EXTENDED_ECC384_V1_MAINTENANCE =
            CommandCodec.of(CaliptraCommand.CERTIFY_KEY_EXTENDED_ECC384, CERTIFY_KEY_EXTENDED_REQUEST,
                    dpeResponse("size", "certify_key_resp", MAX_CERTIFY_KEY_RESPONSE, false));
    public static final CommandCodec<CertifyKeyExtendedRequest, DpeResponse> CERTIFY_KEY_EXTENDED_ECC384_V2 = CommandCodec.of(
            CaliptraCommand.CERTIFY_KEY_EXTENDED_ECC384, CERTIFY_KEY_EXTENDED_REQUEST,
            dpeResponse("size", "certify_key_resp", MAX_CERTIFY_KEY_RESPONSE, false));

    /** V1 is the 1.2 release layout the spec gives; see {@link #CERTIFY_KEY_EXTENDED_ECC384_V1_MAINTENANCE}. */
    public static CommandCodec<CertifyKeyExtendedRequest, DpeResponse> certifyKeyExtendedEcc384(Generation generation) {
        return generation == Generation.V1 ? CERTIFY_KEY_EXTENDED_ECC384_V1 : CERTIFY_KEY_EXTENDED_ECC384_V2;
    }

    /** The 1.x maintenance branch's CERTIFY_KEY_EXTENDED_MLDSA87 ("CKEM"). */
    public static final CommandCodec<CertifyKeyExtendedRequest, DpeResponse> CERTIFY_KEY_EXTENDED_MLDSA87_V1 = CommandCodec.of(
            CaliptraCommand.CERTIFY_KEY_EXTENDED_MLDSA87_V1, CERTIFY_KEY_EXTENDED_REQUEST,
            dpeResponse("size", "certify_key_resp", MAX_CERTIFY_KEY_RESPONSE, false));

    /**
     * The 2.x CERTIFY_KEY_EXTENDED_MLDSA87 ("CKXM") request: {@code flags}
     * ({@link CertifyKeyExtendedRequest#DMTF_OTHER_NAME}, {@link #EXTERNAL_AXI_RESPONSE}), the AXI
     * destination, and the serialized DPE CertifyKey command.
     */
    public record CertifyKeyExtendedMldsa87Request(int flags, int axiAddrLo, int axiAddrHi, int axiMaxSize,
            Octets certifyKeyReq) {
        public static final int EXTERNAL_AXI_RESPONSE = 1 << 30;

        public CertifyKeyExtendedMldsa87Request {
            Fields.exactly("certify_key_req", certifyKeyReq, CERTIFY_KEY_REQUEST);
        }
    }

    public static final CommandCodec<CertifyKeyExtendedMldsa87Request, DpeResponse> CERTIFY_KEY_EXTENDED_MLDSA87 =
            CommandCodec.of(CaliptraCommand.CERTIFY_KEY_EXTENDED_MLDSA87, Codec.fixed(16 + CERTIFY_KEY_REQUEST,
                    (v, out) -> out.u32(v.flags()).u32(v.axiAddrLo()).u32(v.axiAddrHi()).u32(v.axiMaxSize())
                            .bytes(v.certifyKeyReq()),
                    in -> new CertifyKeyExtendedMldsa87Request(in.u32("flags"), in.u32("axi_addr_lo"), in.u32("axi_addr_hi"),
                            in.u32("axi_max_size"), in.bytes("certify_key_req", CERTIFY_KEY_REQUEST))),
                    dpeResponse("size", "certify_key_resp", MAX_CERTIFY_KEY_RESPONSE, true));

    /**
     * CERTIFY_KEY_CHUNKS' request: run the DPE CertifyKey command (ML-DSA-87 with
     * {@link #USE_MLDSA}, else ECC P-384) and return {@code [offset, offset + maxSize)} of its
     * response; {@code maxSize} 0 means {@link #MAX_CERTIFY_KEY_CHUNK}.
     */
    public record CertifyKeyChunksRequest(int flags, int reserved, int maxSize, int offset, Octets certifyKeyReq) {
        public static final int USE_MLDSA = 1 << 31;

        public CertifyKeyChunksRequest {
            Fields.exactly("certify_key_req", certifyKeyReq, CERTIFY_KEY_REQUEST);
        }
    }

    /** One chunk of the CertifyKey response, the context handle to use next, and how many bytes follow it. */
    public record CertifyKeyChunk(Octets contextHandle, Octets chunk, int remaining) {
        public CertifyKeyChunk {
            Fields.exactly("context_handle", contextHandle, 16);
            Fields.atMost("certify_key_resp", chunk, MAX_CERTIFY_KEY_CHUNK);
        }
    }

    public static final CommandCodec<CertifyKeyChunksRequest, CertifyKeyChunk> CERTIFY_KEY_CHUNKS = CommandCodec.of(
            CaliptraCommand.CERTIFY_KEY_CHUNKS, Codec.fixed(16 + CERTIFY_KEY_REQUEST,
                    (v, out) -> out.u32(v.flags()).u32(v.reserved()).u32(v.maxSize()).u32(v.offset()).bytes(v.certifyKeyReq()),
                    in -> new CertifyKeyChunksRequest(in.u32("flags"), in.u32("reserved"), in.u32("max_size"), in.u32("offset"),
                            in.bytes("certify_key_req", CERTIFY_KEY_REQUEST))),
            Codec.variable(24, 24 + MAX_CERTIFY_KEY_CHUNK, (v, out) -> {
                out.bytes(v.contextHandle()).u32(v.chunk().length()).u32(v.remaining());
                Layout.buffer(out, "certify_key_resp", v.chunk(), MAX_CERTIFY_KEY_CHUNK, false);
            }, in -> {
                Octets handle = in.bytes("context_handle", 16);
                int length = in.u32AtMost("chunk_len", MAX_CERTIFY_KEY_CHUNK);
                int remaining = in.u32("remaining");
                return new CertifyKeyChunk(handle, Layout.usedThenRest(in, "certify_key_resp", length), remaining);
            }));

    public static final CommandCodec<NoFields, NoFields> DISABLE_ATTESTATION =
            CommandCodec.of(CaliptraCommand.DISABLE_ATTESTATION, NoFields.CODEC, NoFields.CODEC);

    /**
     * ADD_SUBJECT_ALT_NAME: the DMTF device-info UTF8String for later CERTIFY_KEY_EXTENDED calls,
     * sent as {@code dmtf_device_info_size} and the used part of {@code dmtf_device_info:u8[128]}
     * (libcaliptra sends the whole buffer).
     */
    public record AddSubjectAltNameRequest(Octets dmtfDeviceInfo) {
        public static final int MAX_DEVICE_INFO = 128;

        public AddSubjectAltNameRequest {
            Fields.atMost("dmtf_device_info", dmtfDeviceInfo, MAX_DEVICE_INFO);
        }
    }

    public static final CommandCodec<AddSubjectAltNameRequest, NoFields> ADD_SUBJECT_ALT_NAME = CommandCodec.of(
            CaliptraCommand.ADD_SUBJECT_ALT_NAME, Codec.variable(4, 4 + AddSubjectAltNameRequest.MAX_DEVICE_INFO,
                    (v, out) -> Layout.sized(out, "dmtf_device_info", v.dmtfDeviceInfo(), AddSubjectAltNameRequest.MAX_DEVICE_INFO,
                            false),
                    in -> new AddSubjectAltNameRequest(Layout.usedThenRest(in, "dmtf_device_info",
                            in.u32AtMost("dmtf_device_info_size", AddSubjectAltNameRequest.MAX_DEVICE_INFO)))),
            NoFields.CODEC);

    /** SIGN_WITH_EXPORTED_ECDSA: sign the SHA-384 digest {@code tbs} with the exported CDI's key. */
    public record SignWithExportedEcdsaRequest(Octets exportedCdiHandle, Octets tbs) {
        public SignWithExportedEcdsaRequest {
            Fields.exactly("exported_cdi_handle", exportedCdiHandle, EXPORTED_CDI_HANDLE);
            Fields.exactly("tbs", tbs, 48);
        }
    }

    /** The derived public key and the signature, all standard big-endian bytes. */
    public record SignWithExportedEcdsaResponse(Octets derivedPubkeyX, Octets derivedPubkeyY, Octets signatureR,
            Octets signatureS) {
        public SignWithExportedEcdsaResponse {
            Fields.exactly("derived_pubkey_x", derivedPubkeyX, ECC384_SCALAR);
            Fields.exactly("derived_pubkey_y", derivedPubkeyY, ECC384_SCALAR);
            Fields.exactly("signature_r", signatureR, ECC384_SCALAR);
            Fields.exactly("signature_s", signatureS, ECC384_SCALAR);
        }
    }

    public static final CommandCodec<SignWithExportedEcdsaRequest, SignWithExportedEcdsaResponse> SIGN_WITH_EXPORTED_ECDSA =
            CommandCodec.of(CaliptraCommand.SIGN_WITH_EXPORTED_ECDSA,
                    Codec.fixed(80, (v, out) -> out.bytes(v.exportedCdiHandle()).bytes(v.tbs()),
                            in -> new SignWithExportedEcdsaRequest(in.bytes("exported_cdi_handle", EXPORTED_CDI_HANDLE),
                                    in.bytes("tbs", 48))),
                    Codec.fixed(192, (v, out) -> out.bytes(v.derivedPubkeyX()).bytes(v.derivedPubkeyY()).bytes(v.signatureR())
                            .bytes(v.signatureS()),
                            in -> new SignWithExportedEcdsaResponse(in.bytes("derived_pubkey_x", 48), in.bytes("derived_pubkey_y", 48),
                                    in.bytes("signature_r", 48), in.bytes("signature_s", 48))));

    public static final int MAX_MLDSA_TBS = 1024;

    /**
     * The 2.x SIGN_WITH_EXPORTED_MLDSA request: {@code signType} {@link #MU} (tbs is a 64-byte
     * external mu) or {@link #RAW} (tbs is the message). The device takes exactly the whole
     * {@code tbs:u8[1024]} buffer, so the whole buffer is always sent.
     */
    public record SignWithExportedMldsaRequest(Octets exportedCdiHandle, int signType, Octets tbs) {
        public static final int MU = 0;
        public static final int RAW = 1;

        public SignWithExportedMldsaRequest {
            Fields.exactly("exported_cdi_handle", exportedCdiHandle, EXPORTED_CDI_HANDLE);
            Fields.atMost("tbs", tbs, MAX_MLDSA_TBS);
        }
    }

    /**
     * The 1.x maintenance branch's request: the same shape, but {@code signMode} {@link #DATA} (the
     * message) or {@link #EXTERNAL_MU} — the opposite numbering to 2.x — and only the used part of
     * {@code message:u8[1024]} is sent.
     */
    public record SignWithExportedMldsaRequestV1(Octets exportedCdiHandle, int signMode, Octets message) {
        public static final int DATA = 0;
        public static final int EXTERNAL_MU = 1;

        public SignWithExportedMldsaRequestV1 {
            Fields.exactly("exported_cdi_handle", exportedCdiHandle, EXPORTED_CDI_HANDLE);
            Fields.atMost("message", message, MAX_MLDSA_TBS);
        }
    }

    /** The derived ML-DSA-87 public key and the signature, raw FIPS 204 bytes. */
    public record SignWithExportedMldsaResponse(Octets derivedPubkey, Octets signature) {
        public SignWithExportedMldsaResponse {
            Fields.exactly("derived_pubkey", derivedPubkey, MLDSA87_PUBLIC_KEY);
            Fields.exactly("signature", signature, MLDSA87_SIGNATURE);
        }
    }

    private static final Codec<SignWithExportedMldsaResponse> SIGN_WITH_EXPORTED_MLDSA_RESPONSE = Codec.fixed(
            MLDSA87_PUBLIC_KEY + MLDSA87_SIGNATURE_SLOT, (v, out) -> {
                out.bytes(v.derivedPubkey());
                Layout.mldsaSignature(out, v.signature());
            }, in -> new SignWithExportedMldsaResponse(in.bytes("derived_pubkey", MLDSA87_PUBLIC_KEY),
                    Layout.mldsaSignature(in, "signature")));

    public static final CommandCodec<SignWithExportedMldsaRequest, SignWithExportedMldsaResponse> SIGN_WITH_EXPORTED_MLDSA =
            CommandCodec.of(CaliptraCommand.SIGN_WITH_EXPORTED_MLDSA, Codec.fixed(EXPORTED_CDI_HANDLE + 8 + MAX_MLDSA_TBS,
                    (v, out) -> {
                        out.bytes(v.exportedCdiHandle()).u32(v.signType());
                        Layout.sized(out, "tbs", v.tbs(), MAX_MLDSA_TBS, true);
                    }, in -> {
                        Octets handle = in.bytes("exported_cdi_handle", EXPORTED_CDI_HANDLE);
                        int signType = in.u32("sign_type");
                        int size = in.u32AtMost("tbs_size", MAX_MLDSA_TBS);
                        return new SignWithExportedMldsaRequest(handle, signType, in.prefixOf("tbs", MAX_MLDSA_TBS, size));
                    }), SIGN_WITH_EXPORTED_MLDSA_RESPONSE);

    public static final CommandCodec<SignWithExportedMldsaRequestV1, SignWithExportedMldsaResponse> SIGN_WITH_EXPORTED_MLDSA_V1 =
            CommandCodec.of(CaliptraCommand.SIGN_WITH_EXPORTED_MLDSA, Codec.variable(EXPORTED_CDI_HANDLE + 8,
                    EXPORTED_CDI_HANDLE + 8 + MAX_MLDSA_TBS, (v, out) -> {
                        out.bytes(v.exportedCdiHandle()).u32(v.signMode());
                        Layout.sized(out, "message", v.message(), MAX_MLDSA_TBS, false);
                    }, in -> {
                        Octets handle = in.bytes("exported_cdi_handle", EXPORTED_CDI_HANDLE);
                        int signMode = in.u32("sign_mode");
                        int size = in.u32AtMost("message_size", MAX_MLDSA_TBS);
                        return new SignWithExportedMldsaRequestV1(handle, signMode, Layout.usedThenRest(in, "message", size));
                    }), SIGN_WITH_EXPORTED_MLDSA_RESPONSE);

    /** REVOKE_EXPORTED_CDI_HANDLE: the handle DeriveContext returned, copied as is. */
    public record RevokeExportedCdiHandleRequest(Octets exportedCdiHandle) {
        public RevokeExportedCdiHandleRequest {
            Fields.exactly("exported_cdi_handle", exportedCdiHandle, EXPORTED_CDI_HANDLE);
        }
    }

    public static final CommandCodec<RevokeExportedCdiHandleRequest, NoFields> REVOKE_EXPORTED_CDI_HANDLE = CommandCodec.of(
            CaliptraCommand.REVOKE_EXPORTED_CDI_HANDLE, Codec.fixed(EXPORTED_CDI_HANDLE,
                    (v, out) -> out.bytes(v.exportedCdiHandle()),
                    in -> new RevokeExportedCdiHandleRequest(in.bytes("exported_cdi_handle", EXPORTED_CDI_HANDLE))),
            NoFields.CODEC);

    /** REALLOCATE_DPE_CONTEXT_LIMITS: how many of the DPE contexts PL0 gets; PL1 gets the rest. */
    public record ReallocateDpeContextLimitsRequest(int pl0ContextLimit) {}

    public record DpeContextLimits(int newPl0ContextLimit, int newPl1ContextLimit) {}

    public static final CommandCodec<ReallocateDpeContextLimitsRequest, DpeContextLimits> REALLOCATE_DPE_CONTEXT_LIMITS =
            CommandCodec.of(CaliptraCommand.REALLOCATE_DPE_CONTEXT_LIMITS,
                    Codec.fixed(4, (v, out) -> out.u32(v.pl0ContextLimit()),
                            in -> new ReallocateDpeContextLimitsRequest(in.u32("pl0_context_limit"))),
                    Codec.fixed(8, (v, out) -> out.u32(v.newPl0ContextLimit()).u32(v.newPl1ContextLimit()),
                            in -> new DpeContextLimits(in.u32("new_pl0_context_limit"), in.u32("new_pl1_context_limit"))));
}
