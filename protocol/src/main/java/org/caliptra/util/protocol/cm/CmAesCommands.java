package org.caliptra.util.protocol.cm;

import java.util.Objects;
import java.util.Optional;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.core.CaliptraCommand;

import static org.caliptra.util.protocol.cm.CmFields.MAX_DATA;
import static org.caliptra.util.protocol.cm.CmFields.MAX_GCM_OUTPUT;
import static org.caliptra.util.protocol.cm.CmFields.requestTail;
import static org.caliptra.util.protocol.codec.Fields.atMost;
import static org.caliptra.util.protocol.codec.Fields.exactly;
import static org.caliptra.util.protocol.codec.Fields.u8;

/**
 * AES-256 through the cryptographic mailbox (spec/device.md §4.4): CBC/CTR with
 * CM_AES_ENCRYPT/DECRYPT_INIT/UPDATE, GCM with CM_AES_GCM_(SPDM_)ENCRYPT/DECRYPT_INIT, _UPDATE and
 * _FINAL, and the in-place CM_AES_GCM_DECRYPT_DMA.
 *
 * <p>The GCM {@code iv:u32[3]} and {@code tag:u32[4]} fields carry the standard IV and tag bytes
 * unchanged: the firmware treats those words as little-endian, unlike the big-endian-word digests
 * of spec/device.md §2.6 (caliptra-sw runtime tests feed the wire bytes straight to a reference
 * GCM).
 */
public final class CmAesCommands {
    public static final int AES_CONTEXT_SIZE = 156;
    public static final int AES_GCM_CONTEXT_SIZE = 128;
    public static final int AES_IV_SIZE = 16;
    public static final int GCM_IV_SIZE = 12;
    public static final int GCM_TAG_SIZE = 16;
    public static final int SPDM_COUNTER_SIZE = 8;
    public static final int SHA384_SIZE = 48;

    private CmAesCommands() {}

    /** The opaque, device-encrypted state of a CBC or CTR operation between commands. */
    public record AesContext(Octets bytes) {
        public AesContext {
            exactly("context", bytes, AES_CONTEXT_SIZE);
        }

        static AesContext read(FieldReader in) {
            return new AesContext(in.bytes("context", AES_CONTEXT_SIZE));
        }
    }

    /** The opaque, device-encrypted state of a GCM operation between commands. */
    public record AesGcmContext(Octets bytes) {
        public AesGcmContext {
            exactly("context", bytes, AES_GCM_CONTEXT_SIZE);
        }

        static AesGcmContext read(FieldReader in) {
            return new AesGcmContext(in.bytes("context", AES_GCM_CONTEXT_SIZE));
        }
    }

    private static final Codec<AesGcmContext> GCM_CONTEXT =
            Codec.fixed(AES_GCM_CONTEXT_SIZE, (v, out) -> out.bytes(v.bytes()), AesGcmContext::read);

    /** CM_AES_ENCRYPT_INIT's request: the AES key, the mode and the first part of the plaintext. */
    public record AesEncryptInitRequest(Cmk cmk, int mode, Octets plaintext) {
        public AesEncryptInitRequest {
            Objects.requireNonNull(cmk, "cmk");
            atMost("plaintext", plaintext, MAX_DATA);
        }

        public static AesEncryptInitRequest of(Cmk cmk, AesMode mode, Octets plaintext) {
            return new AesEncryptInitRequest(cmk, mode.value(), plaintext);
        }

        public Optional<AesMode> aesMode() {
            return AesMode.fromValue(mode);
        }
    }

    /** CM_AES_ENCRYPT_INIT's answer: the context, the random IV the device chose and the first ciphertext. */
    public record AesEncryptInitResponse(AesContext context, Octets iv, Octets ciphertext) {
        public AesEncryptInitResponse {
            Objects.requireNonNull(context, "context");
            exactly("iv", iv, AES_IV_SIZE);
            atMost("ciphertext", ciphertext, MAX_DATA);
        }
    }

    /** cmk, mode, plaintext_size, plaintext[≤4096]: 136 to 4232 bytes; answers 176 to 4272 bytes. */
    public static final CommandCodec<AesEncryptInitRequest, AesEncryptInitResponse> CM_AES_ENCRYPT_INIT = CommandCodec.of(
            CaliptraCommand.CM_AES_ENCRYPT_INIT,
            Codec.variable(Cmk.SIZE + 8, Cmk.SIZE + 8 + MAX_DATA,
                    (v, out) -> out.bytes(v.cmk().bytes()).u32(v.mode()).sized(v.plaintext()),
                    in -> new AesEncryptInitRequest(Cmk.read(in, "cmk"), in.u32("mode"),
                            requestTail(in, "plaintext_size", "plaintext", MAX_DATA))),
            Codec.variable(AES_CONTEXT_SIZE + AES_IV_SIZE + 4, AES_CONTEXT_SIZE + AES_IV_SIZE + 4 + MAX_DATA,
                    (v, out) -> out.bytes(v.context().bytes()).bytes(v.iv()).sized(v.ciphertext()),
                    in -> new AesEncryptInitResponse(AesContext.read(in), in.bytes("iv", AES_IV_SIZE),
                            in.sized("ciphertext_size", "ciphertext", MAX_DATA))));

    /** CM_AES_ENCRYPT_UPDATE's and CM_AES_DECRYPT_UPDATE's request: the context and the next part of the input. */
    public record AesUpdateRequest(AesContext context, Octets data) {
        public AesUpdateRequest {
            Objects.requireNonNull(context, "context");
            atMost("data", data, MAX_DATA);
        }
    }

    /** context[156], {size}, {data}[≤4096]: 160 to 4256 bytes. */
    private static Codec<AesUpdateRequest> aesUpdateRequest(String sizeField, String dataField) {
        return Codec.variable(AES_CONTEXT_SIZE + 4, AES_CONTEXT_SIZE + 4 + MAX_DATA,
                (v, out) -> out.bytes(v.context().bytes()).sized(v.data()),
                in -> new AesUpdateRequest(AesContext.read(in), requestTail(in, sizeField, dataField, MAX_DATA)));
    }

    /** The answer of every CBC/CTR command but ENCRYPT_INIT: the next context and the output. */
    public record AesOutput(AesContext context, Octets output) {
        public AesOutput {
            Objects.requireNonNull(context, "context");
            atMost("output", output, MAX_DATA);
        }
    }

    /** context[156], output_size, output[≤4096]: 160 to 4256 bytes. */
    private static final Codec<AesOutput> AES_OUTPUT = Codec.variable(AES_CONTEXT_SIZE + 4, AES_CONTEXT_SIZE + 4 + MAX_DATA,
            (v, out) -> out.bytes(v.context().bytes()).sized(v.output()),
            in -> new AesOutput(AesContext.read(in), in.sized("output_size", "output", MAX_DATA)));

    public static final CommandCodec<AesUpdateRequest, AesOutput> CM_AES_ENCRYPT_UPDATE = CommandCodec.of(
            CaliptraCommand.CM_AES_ENCRYPT_UPDATE, aesUpdateRequest("plaintext_size", "plaintext"), AES_OUTPUT);

    /** CM_AES_DECRYPT_INIT's request: the AES key, the mode, the IV of the encryption and the first ciphertext. */
    public record AesDecryptInitRequest(Cmk cmk, int mode, Octets iv, Octets ciphertext) {
        public AesDecryptInitRequest {
            Objects.requireNonNull(cmk, "cmk");
            exactly("iv", iv, AES_IV_SIZE);
            atMost("ciphertext", ciphertext, MAX_DATA);
        }

        public static AesDecryptInitRequest of(Cmk cmk, AesMode mode, Octets iv, Octets ciphertext) {
            return new AesDecryptInitRequest(cmk, mode.value(), iv, ciphertext);
        }

        public Optional<AesMode> aesMode() {
            return AesMode.fromValue(mode);
        }
    }

    /** cmk, mode, iv[16], ciphertext_size, ciphertext[≤4096]: 152 to 4248 bytes. */
    public static final CommandCodec<AesDecryptInitRequest, AesOutput> CM_AES_DECRYPT_INIT = CommandCodec.of(
            CaliptraCommand.CM_AES_DECRYPT_INIT,
            Codec.variable(Cmk.SIZE + 8 + AES_IV_SIZE, Cmk.SIZE + 8 + AES_IV_SIZE + MAX_DATA,
                    (v, out) -> out.bytes(v.cmk().bytes()).u32(v.mode()).bytes(v.iv()).sized(v.ciphertext()),
                    in -> new AesDecryptInitRequest(Cmk.read(in, "cmk"), in.u32("mode"), in.bytes("iv", AES_IV_SIZE),
                            requestTail(in, "ciphertext_size", "ciphertext", MAX_DATA))),
            AES_OUTPUT);

    public static final CommandCodec<AesUpdateRequest, AesOutput> CM_AES_DECRYPT_UPDATE = CommandCodec.of(
            CaliptraCommand.CM_AES_DECRYPT_UPDATE, aesUpdateRequest("ciphertext_size", "ciphertext"), AES_OUTPUT);

    /** CM_AES_GCM_ENCRYPT_INIT's request: reserved flags, the AES key and all of the AAD. */
    public record GcmEncryptInitRequest(int flags, Cmk cmk, Octets aad) {
        public GcmEncryptInitRequest {
            Objects.requireNonNull(cmk, "cmk");
            atMost("aad", aad, MAX_DATA);
        }
    }

    /** The answer of CM_AES_GCM_ENCRYPT_INIT and CM_AES_GCM_DECRYPT_INIT: the context and the IV in use. */
    public record GcmInitResponse(AesGcmContext context, Octets iv) {
        public GcmInitResponse {
            Objects.requireNonNull(context, "context");
            exactly("iv", iv, GCM_IV_SIZE);
        }
    }

    /** context[128], iv[12]: 140 bytes. */
    private static final Codec<GcmInitResponse> GCM_INIT_RESPONSE = Codec.fixed(AES_GCM_CONTEXT_SIZE + GCM_IV_SIZE,
            (v, out) -> out.bytes(v.context().bytes()).bytes(v.iv()),
            in -> new GcmInitResponse(AesGcmContext.read(in), in.bytes("iv", GCM_IV_SIZE)));

    /** flags, cmk, aad_size, aad[≤4096]: 136 to 4232 bytes. */
    public static final CommandCodec<GcmEncryptInitRequest, GcmInitResponse> CM_AES_GCM_ENCRYPT_INIT = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_ENCRYPT_INIT,
            Codec.variable(4 + Cmk.SIZE + 4, 4 + Cmk.SIZE + 4 + MAX_DATA,
                    (v, out) -> out.u32(v.flags()).bytes(v.cmk().bytes()).sized(v.aad()),
                    in -> new GcmEncryptInitRequest(in.u32("flags"), Cmk.read(in, "cmk"),
                            requestTail(in, "aad_size", "aad", MAX_DATA))),
            GCM_INIT_RESPONSE);

    /**
     * The request of CM_AES_GCM_SPDM_ENCRYPT_INIT and CM_AES_GCM_SPDM_DECRYPT_INIT: the SPDM major
     * secret (an HMAC CMK), the flags (bits 7:0 SPDM version, bit 8 counter XORed big-endian) and
     * the 8-byte message counter.
     */
    public record GcmSpdmInitRequest(int spdmFlags, Octets spdmCounter, Cmk cmk, Octets aad) {
        public static final int COUNTER_BIG_ENDIAN = 1 << 8;

        public GcmSpdmInitRequest {
            exactly("spdm_counter", spdmCounter, SPDM_COUNTER_SIZE);
            Objects.requireNonNull(cmk, "cmk");
            atMost("aad", aad, MAX_DATA);
        }

        /** @param spdmVersion the version byte, e.g. 0x13 for SPDM 1.3 */
        public static GcmSpdmInitRequest of(int spdmVersion, boolean counterBigEndian, long counter, Cmk cmk, Octets aad) {
            u8("spdm version", spdmVersion);
            byte[] c = new byte[SPDM_COUNTER_SIZE];
            for (int i = 0; i < SPDM_COUNTER_SIZE; i++) {
                c[i] = (byte) (counter >>> (8 * i));
            }
            return new GcmSpdmInitRequest(spdmVersion | (counterBigEndian ? COUNTER_BIG_ENDIAN : 0), Octets.of(c), cmk, aad);
        }

        public int spdmVersion() {
            return spdmFlags & 0xFF;
        }

        public boolean counterBigEndian() {
            return (spdmFlags & COUNTER_BIG_ENDIAN) != 0;
        }

        /** The counter as the little-endian u64 it is sent as. */
        public long counter() {
            long v = 0;
            for (int i = SPDM_COUNTER_SIZE - 1; i >= 0; i--) {
                v = v << 8 | (spdmCounter.get(i) & 0xFF);
            }
            return v;
        }
    }

    /** spdm_flags, spdm_counter[8], cmk, aad_size, aad[≤4096]: 144 to 4240 bytes; answers context[128]. */
    private static final Codec<GcmSpdmInitRequest> GCM_SPDM_INIT_REQUEST = Codec.variable(4 + SPDM_COUNTER_SIZE + Cmk.SIZE + 4,
            4 + SPDM_COUNTER_SIZE + Cmk.SIZE + 4 + MAX_DATA,
            (v, out) -> out.u32(v.spdmFlags()).bytes(v.spdmCounter()).bytes(v.cmk().bytes()).sized(v.aad()),
            in -> new GcmSpdmInitRequest(in.u32("spdm_flags"), in.bytes("spdm_counter", SPDM_COUNTER_SIZE), Cmk.read(in, "cmk"),
                    requestTail(in, "aad_size", "aad", MAX_DATA)));

    public static final CommandCodec<GcmSpdmInitRequest, AesGcmContext> CM_AES_GCM_SPDM_ENCRYPT_INIT = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_SPDM_ENCRYPT_INIT, GCM_SPDM_INIT_REQUEST, GCM_CONTEXT);

    /** The request of CM_AES_GCM_ENCRYPT_UPDATE, _ENCRYPT_FINAL and _DECRYPT_UPDATE: the context and the next input. */
    public record GcmUpdateRequest(AesGcmContext context, Octets data) {
        public GcmUpdateRequest {
            Objects.requireNonNull(context, "context");
            atMost("data", data, MAX_DATA);
        }
    }

    /** context[128], {size}, {data}[≤4096]: 132 to 4228 bytes. */
    private static Codec<GcmUpdateRequest> gcmUpdateRequest(String sizeField, String dataField) {
        return Codec.variable(AES_GCM_CONTEXT_SIZE + 4, AES_GCM_CONTEXT_SIZE + 4 + MAX_DATA,
                (v, out) -> out.bytes(v.context().bytes()).sized(v.data()),
                in -> new GcmUpdateRequest(AesGcmContext.read(in), requestTail(in, sizeField, dataField, MAX_DATA)));
    }

    /** The answer of a GCM update: the next context and the output, up to one block more than the input. */
    public record GcmUpdateResponse(AesGcmContext context, Octets data) {
        public GcmUpdateResponse {
            Objects.requireNonNull(context, "context");
            atMost("data", data, MAX_GCM_OUTPUT);
        }
    }

    /** context[128], {size}, {data}[≤4112]: 132 to 4244 bytes. */
    private static Codec<GcmUpdateResponse> gcmUpdateResponse(String sizeField, String dataField) {
        return Codec.variable(AES_GCM_CONTEXT_SIZE + 4, AES_GCM_CONTEXT_SIZE + 4 + MAX_GCM_OUTPUT,
                (v, out) -> out.bytes(v.context().bytes()).sized(v.data()),
                in -> new GcmUpdateResponse(AesGcmContext.read(in), in.sized(sizeField, dataField, MAX_GCM_OUTPUT)));
    }

    public static final CommandCodec<GcmUpdateRequest, GcmUpdateResponse> CM_AES_GCM_ENCRYPT_UPDATE = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_ENCRYPT_UPDATE, gcmUpdateRequest("plaintext_size", "plaintext"),
            gcmUpdateResponse("ciphertext_size", "ciphertext"));

    /** CM_AES_GCM_ENCRYPT_FINAL's answer: the 16-byte tag and the last ciphertext. */
    public record GcmEncryptFinalResponse(Octets tag, Octets ciphertext) {
        public GcmEncryptFinalResponse {
            exactly("tag", tag, GCM_TAG_SIZE);
            atMost("ciphertext", ciphertext, MAX_GCM_OUTPUT);
        }
    }

    /** Answers tag[16], ciphertext_size, ciphertext[≤4112]: 20 to 4132 bytes. */
    public static final CommandCodec<GcmUpdateRequest, GcmEncryptFinalResponse> CM_AES_GCM_ENCRYPT_FINAL = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_ENCRYPT_FINAL, gcmUpdateRequest("plaintext_size", "plaintext"),
            Codec.variable(GCM_TAG_SIZE + 4, GCM_TAG_SIZE + 4 + MAX_GCM_OUTPUT,
                    (v, out) -> out.bytes(v.tag()).sized(v.ciphertext()),
                    in -> new GcmEncryptFinalResponse(in.bytes("tag", GCM_TAG_SIZE),
                            in.sized("ciphertext_size", "ciphertext", MAX_GCM_OUTPUT))));

    /** CM_AES_GCM_DECRYPT_INIT's request: reserved flags, the AES key, the IV of the encryption and all of the AAD. */
    public record GcmDecryptInitRequest(int flags, Cmk cmk, Octets iv, Octets aad) {
        public GcmDecryptInitRequest {
            Objects.requireNonNull(cmk, "cmk");
            exactly("iv", iv, GCM_IV_SIZE);
            atMost("aad", aad, MAX_DATA);
        }
    }

    /** flags, cmk, iv[12], aad_size, aad[≤4096]: 148 to 4244 bytes; answers context[128], iv[12]. */
    public static final CommandCodec<GcmDecryptInitRequest, GcmInitResponse> CM_AES_GCM_DECRYPT_INIT = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_DECRYPT_INIT,
            Codec.variable(4 + Cmk.SIZE + GCM_IV_SIZE + 4, 4 + Cmk.SIZE + GCM_IV_SIZE + 4 + MAX_DATA,
                    (v, out) -> out.u32(v.flags()).bytes(v.cmk().bytes()).bytes(v.iv()).sized(v.aad()),
                    in -> new GcmDecryptInitRequest(in.u32("flags"), Cmk.read(in, "cmk"), in.bytes("iv", GCM_IV_SIZE),
                            requestTail(in, "aad_size", "aad", MAX_DATA))),
            GCM_INIT_RESPONSE);

    public static final CommandCodec<GcmSpdmInitRequest, AesGcmContext> CM_AES_GCM_SPDM_DECRYPT_INIT = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_SPDM_DECRYPT_INIT, GCM_SPDM_INIT_REQUEST, GCM_CONTEXT);

    public static final CommandCodec<GcmUpdateRequest, GcmUpdateResponse> CM_AES_GCM_DECRYPT_UPDATE = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_DECRYPT_UPDATE, gcmUpdateRequest("ciphertext_size", "ciphertext"),
            gcmUpdateResponse("plaintext_size", "plaintext"));

    /**
     * CM_AES_GCM_DECRYPT_FINAL's request: the context, the expected tag right-padded with zeros to 16
     * bytes, its real length (a raw u32: the device answers a length outside 8..16 with its own
     * error) and the last ciphertext.
     */
    public record GcmDecryptFinalRequest(AesGcmContext context, int tagLen, Octets tag, Octets ciphertext) {
        public GcmDecryptFinalRequest {
            Objects.requireNonNull(context, "context");
            exactly("tag", tag, GCM_TAG_SIZE);
            atMost("ciphertext", ciphertext, MAX_DATA);
        }

        /** @param tag the expected tag as computed, 16 bytes or fewer */
        public static GcmDecryptFinalRequest of(AesGcmContext context, Octets tag, Octets ciphertext) {
            atMost("tag", tag, GCM_TAG_SIZE);
            byte[] padded = new byte[GCM_TAG_SIZE];
            tag.copyTo(padded, 0);
            return new GcmDecryptFinalRequest(context, tag.length(), Octets.of(padded), ciphertext);
        }
    }

    /** CM_AES_GCM_DECRYPT_FINAL's answer: whether the tag matched (1) or not (0), and the last plaintext. */
    public record GcmDecryptFinalResponse(int tagVerified, Octets plaintext) {
        public GcmDecryptFinalResponse {
            atMost("plaintext", plaintext, MAX_GCM_OUTPUT);
        }

        public boolean verified() {
            return tagVerified == 1;
        }
    }

    /**
     * context[128], tag_len, tag[16], ciphertext_size, ciphertext[≤4096]: 152 to 4248 bytes; answers
     * tag_verified, plaintext_size, plaintext[≤4112]: 8 to 4120 bytes.
     */
    public static final CommandCodec<GcmDecryptFinalRequest, GcmDecryptFinalResponse> CM_AES_GCM_DECRYPT_FINAL =
            CommandCodec.of(CaliptraCommand.CM_AES_GCM_DECRYPT_FINAL,
                    Codec.variable(AES_GCM_CONTEXT_SIZE + 4 + GCM_TAG_SIZE + 4, AES_GCM_CONTEXT_SIZE + 4 + GCM_TAG_SIZE + 4 + MAX_DATA,
                            (v, out) -> out.bytes(v.context().bytes()).u32(v.tagLen()).bytes(v.tag()).sized(v.ciphertext()),
                            in -> new GcmDecryptFinalRequest(AesGcmContext.read(in), in.u32("tag_len"), in.bytes("tag", GCM_TAG_SIZE),
                                    requestTail(in, "ciphertext_size", "ciphertext", MAX_DATA))),
                    Codec.variable(8, 8 + MAX_GCM_OUTPUT, (v, out) -> out.u32(v.tagVerified()).sized(v.plaintext()),
                            in -> new GcmDecryptFinalResponse(in.u32("tag_verified"),
                                    in.sized("plaintext_size", "plaintext", MAX_GCM_OUTPUT))));

    /**
     * CM_AES_GCM_DECRYPT_DMA's request: decrypt {@code length} bytes in place at an AXI address, after
     * checking their SHA-384 (standard byte order).
     */
    public record GcmDecryptDmaRequest(Cmk cmk, Octets iv, Octets tag, Octets encryptedDataSha384, int axiAddrLo,
            int axiAddrHi, int length, Octets aad) {
        public GcmDecryptDmaRequest {
            Objects.requireNonNull(cmk, "cmk");
            exactly("iv", iv, GCM_IV_SIZE);
            exactly("tag", tag, GCM_TAG_SIZE);
            exactly("encrypted_data_sha384", encryptedDataSha384, SHA384_SIZE);
            atMost("aad", aad, MAX_DATA);
        }

        public long axiAddress() {
            return Integer.toUnsignedLong(axiAddrHi) << 32 | Integer.toUnsignedLong(axiAddrLo);
        }
    }

    /** CM_AES_GCM_DECRYPT_DMA's answer: whether the tag matched (1) or not (0). */
    public record TagVerified(int tagVerified) {
        public boolean verified() {
            return tagVerified == 1;
        }
    }

    /**
     * cmk, iv[12], tag[16], encrypted_data_sha384[48], axi_addr_lo, axi_addr_hi, length, aad_length,
     * aad[≤4096]: 220 to 4316 bytes; answers tag_verified (4 bytes).
     */
    public static final CommandCodec<GcmDecryptDmaRequest, TagVerified> CM_AES_GCM_DECRYPT_DMA = CommandCodec.of(
            CaliptraCommand.CM_AES_GCM_DECRYPT_DMA,
            Codec.variable(Cmk.SIZE + GCM_IV_SIZE + GCM_TAG_SIZE + SHA384_SIZE + 16,
                    Cmk.SIZE + GCM_IV_SIZE + GCM_TAG_SIZE + SHA384_SIZE + 16 + MAX_DATA,
                    (v, out) -> out.bytes(v.cmk().bytes()).bytes(v.iv()).bytes(v.tag()).bytes(v.encryptedDataSha384())
                            .u32(v.axiAddrLo()).u32(v.axiAddrHi()).u32(v.length()).sized(v.aad()),
                    in -> new GcmDecryptDmaRequest(Cmk.read(in, "cmk"), in.bytes("iv", GCM_IV_SIZE), in.bytes("tag", GCM_TAG_SIZE),
                            in.bytes("encrypted_data_sha384", SHA384_SIZE), in.u32("axi_addr_lo"), in.u32("axi_addr_hi"),
                            in.u32("length"), requestTail(in, "aad_length", "aad", MAX_DATA))),
            Codec.fixed(4, (v, out) -> out.u32(v.tagVerified()), in -> new TagVerified(in.u32("tag_verified"))));
}
