package org.caliptra.util.host.commands.aes;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.AesMode;
import org.caliptra.util.protocol.cm.CmAesCommands;
import org.caliptra.util.protocol.cm.CmAesCommands.AesContext;
import org.caliptra.util.protocol.cm.CmAesCommands.AesGcmContext;
import org.caliptra.util.protocol.cm.Cmk;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.FieldReader;

/**
 * AES-256 with a device key (spec/hostlib.md §2.3): CBC and CTR as init + updates, GCM as init (the
 * AAD) + updates + final (the tag). The device carries its state in opaque contexts (156 bytes for
 * CBC/CTR, 128 for GCM) between commands.
 */
public final class AesCommands {
    /** The most input bytes one command carries, and the output buffer of every command but GCM final. */
    public static final int MAX_DATA = 4096;
    /** GCM final's output buffer: it may release one buffered block more than it was given. */
    public static final int MAX_GCM_FINAL_OUTPUT = MAX_DATA + 16;
    public static final int CONTEXT_SIZE = CmAesCommands.AES_CONTEXT_SIZE;
    public static final int GCM_CONTEXT_SIZE = CmAesCommands.AES_GCM_CONTEXT_SIZE;
    public static final int IV_SIZE = CmAesCommands.AES_IV_SIZE;
    public static final int GCM_IV_SIZE = CmAesCommands.GCM_IV_SIZE;
    public static final int GCM_TAG_SIZE = CmAesCommands.GCM_TAG_SIZE;

    private AesCommands() {}

    /** The AES commands. */
    public sealed interface AesCommand<R> extends CatalogCommand<R> permits AesEncryptInit, AesEncryptUpdate, AesDecryptInit,
            AesDecryptUpdate, AesGcmEncryptInit, AesGcmEncryptUpdate, AesGcmEncryptFinal, AesGcmDecryptInit, AesGcmDecryptUpdate,
            AesGcmDecryptFinal {}

    private static AesContext context(FieldReader in) {
        return new AesContext(in.bytes("context", CONTEXT_SIZE));
    }

    private static AesGcmContext gcmContext(FieldReader in) {
        return new AesGcmContext(in.bytes("context", GCM_CONTEXT_SIZE));
    }

    /** AesEncryptInit's answer: the context, the IV the device chose and the first ciphertext. */
    public record EncryptInitResponse(int fipsStatus, AesContext context, Octets iv, Octets ciphertext) {
        public EncryptInitResponse {
            InternalFields.present("AesEncryptInit", "context", context);
            InternalFields.exactly("AesEncryptInit", "iv", iv, IV_SIZE);
            InternalFields.atMost("AesEncryptInit", "ciphertext", ciphertext, MAX_DATA);
        }
    }

    /** The answer of every CBC/CTR step but encrypt-init: the next context and the output. */
    public record OutputResponse(int fipsStatus, AesContext context, Octets output) {
        public OutputResponse {
            InternalFields.present("AES", "context", context);
            InternalFields.atMost("AES", "output", output, MAX_DATA);
        }
    }

    /** fips_status, context u8[156], {size} u32, {data} u8[4096]: 4260 bytes. */
    private static Codec<OutputResponse> output(String sizeField, String dataField) {
        return Codec.fixed(4 + CONTEXT_SIZE + 4 + MAX_DATA,
                (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()).bytes(v.context().bytes()), v.output(), MAX_DATA),
                in -> new OutputResponse(in.u32("fips_status"), context(in), InternalFields.sized(in, sizeField, dataField, MAX_DATA)));
    }

    /**
     * AesEncryptInit (0x3001).
     *
     * <pre>
     * internal request:  cmk u8[128], mode u32, plaintext_size u32, plaintext u8[4096]          (4232)
     * internal response: fips_status, context u8[156], iv u8[16], ciphertext_size u32,
     *                    ciphertext u8[4096]                                                    (4276)
     * </pre>
     */
    public record AesEncryptInit(Cmk cmk, AesMode mode, Octets plaintext) implements AesCommand<EncryptInitResponse> {
        public static final CommandType<AesEncryptInit, EncryptInitResponse> TYPE = CommandType.of(CommandId.AES_ENCRYPT_INIT,
                AesEncryptInit.class, false, "Start AES-CBC/CTR encryption (the device picks the IV) with the first plaintext",
                Codec.fixed(Cmk.SIZE + 8 + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.bytes(v.cmk().bytes()).u32(v.mode().value()), v.plaintext(), MAX_DATA),
                        in -> new AesEncryptInit(InternalFields.cmk(in, "cmk"), InternalFields.aesMode(in, "mode"),
                                InternalFields.sized(in, "plaintext_size", "plaintext", MAX_DATA))),
                Codec.fixed(4 + CONTEXT_SIZE + IV_SIZE + 4 + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()).bytes(v.context().bytes()).bytes(v.iv()), v.ciphertext(),
                                MAX_DATA),
                        in -> new EncryptInitResponse(in.u32("fips_status"), context(in), in.bytes("iv", IV_SIZE),
                                InternalFields.sized(in, "ciphertext_size", "ciphertext", MAX_DATA))),
                () -> new AesEncryptInit(new Cmk(Octets.zeros(Cmk.SIZE)), AesMode.CBC, Octets.zeros(64)));

        public AesEncryptInit {
            InternalFields.present("AesEncryptInit", "cmk", cmk);
            InternalFields.present("AesEncryptInit", "mode", mode);
            InternalFields.atMost("AesEncryptInit", "plaintext", plaintext, MAX_DATA);
        }

        @Override
        public CommandType<AesEncryptInit, EncryptInitResponse> type() {
            return TYPE;
        }
    }

    /** context u8[156], {size} u32, {data} u8[4096]: 4256 bytes. */
    private static <Q> Codec<Q> contextAndData(String sizeField, String dataField, java.util.function.Function<Q, AesContext> context,
            java.util.function.Function<Q, Octets> data, java.util.function.BiFunction<AesContext, Octets, Q> make) {
        return Codec.fixed(CONTEXT_SIZE + 4 + MAX_DATA,
                (v, out) -> InternalFields.sized(out.bytes(context.apply(v).bytes()), data.apply(v), MAX_DATA),
                in -> make.apply(context(in), InternalFields.sized(in, sizeField, dataField, MAX_DATA)));
    }

    /**
     * AesEncryptUpdate (0x3002).
     *
     * <pre>
     * internal request:  context u8[156], plaintext_size u32, plaintext u8[4096]               (4256)
     * internal response: fips_status, context u8[156], ciphertext_size u32, ciphertext u8[4096] (4260)
     * </pre>
     */
    public record AesEncryptUpdate(AesContext context, Octets plaintext) implements AesCommand<OutputResponse> {
        public static final CommandType<AesEncryptUpdate, OutputResponse> TYPE = CommandType.of(CommandId.AES_ENCRYPT_UPDATE,
                AesEncryptUpdate.class, false, "Encrypt the next AES-CBC/CTR plaintext",
                contextAndData("plaintext_size", "plaintext", AesEncryptUpdate::context, AesEncryptUpdate::plaintext,
                        AesEncryptUpdate::new),
                output("ciphertext_size", "ciphertext"),
                () -> new AesEncryptUpdate(new AesContext(Octets.zeros(CONTEXT_SIZE)), Octets.zeros(32)));

        public AesEncryptUpdate {
            InternalFields.present("AesEncryptUpdate", "context", context);
            InternalFields.atMost("AesEncryptUpdate", "plaintext", plaintext, MAX_DATA);
        }

        @Override
        public CommandType<AesEncryptUpdate, OutputResponse> type() {
            return TYPE;
        }
    }

    /**
     * AesDecryptInit (0x3003).
     *
     * <pre>
     * internal request:  cmk u8[128], mode u32, iv u8[16], ciphertext_size u32, ciphertext u8[4096] (4248)
     * internal response: fips_status, context u8[156], plaintext_size u32, plaintext u8[4096]      (4260)
     * </pre>
     */
    public record AesDecryptInit(Cmk cmk, AesMode mode, Octets iv, Octets ciphertext) implements AesCommand<OutputResponse> {
        public static final CommandType<AesDecryptInit, OutputResponse> TYPE = CommandType.of(CommandId.AES_DECRYPT_INIT,
                AesDecryptInit.class, false, "Start AES-CBC/CTR decryption with the IV of the encryption and the first ciphertext",
                Codec.fixed(Cmk.SIZE + 8 + IV_SIZE + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.bytes(v.cmk().bytes()).u32(v.mode().value()).bytes(v.iv()), v.ciphertext(),
                                MAX_DATA),
                        in -> new AesDecryptInit(InternalFields.cmk(in, "cmk"), InternalFields.aesMode(in, "mode"),
                                in.bytes("iv", IV_SIZE), InternalFields.sized(in, "ciphertext_size", "ciphertext", MAX_DATA))),
                output("plaintext_size", "plaintext"),
                () -> new AesDecryptInit(new Cmk(Octets.zeros(Cmk.SIZE)), AesMode.CBC, Octets.zeros(IV_SIZE), Octets.zeros(64)));

        public AesDecryptInit {
            InternalFields.present("AesDecryptInit", "cmk", cmk);
            InternalFields.present("AesDecryptInit", "mode", mode);
            InternalFields.exactly("AesDecryptInit", "iv", iv, IV_SIZE);
            InternalFields.atMost("AesDecryptInit", "ciphertext", ciphertext, MAX_DATA);
        }

        @Override
        public CommandType<AesDecryptInit, OutputResponse> type() {
            return TYPE;
        }
    }

    /**
     * AesDecryptUpdate (0x3004).
     *
     * <pre>
     * internal request:  context u8[156], ciphertext_size u32, ciphertext u8[4096]             (4256)
     * internal response: fips_status, context u8[156], plaintext_size u32, plaintext u8[4096]  (4260)
     * </pre>
     */
    public record AesDecryptUpdate(AesContext context, Octets ciphertext) implements AesCommand<OutputResponse> {
        public static final CommandType<AesDecryptUpdate, OutputResponse> TYPE = CommandType.of(CommandId.AES_DECRYPT_UPDATE,
                AesDecryptUpdate.class, false, "Decrypt the next AES-CBC/CTR ciphertext",
                contextAndData("ciphertext_size", "ciphertext", AesDecryptUpdate::context, AesDecryptUpdate::ciphertext,
                        AesDecryptUpdate::new),
                output("plaintext_size", "plaintext"),
                () -> new AesDecryptUpdate(new AesContext(Octets.zeros(CONTEXT_SIZE)), Octets.zeros(32)));

        public AesDecryptUpdate {
            InternalFields.present("AesDecryptUpdate", "context", context);
            InternalFields.atMost("AesDecryptUpdate", "ciphertext", ciphertext, MAX_DATA);
        }

        @Override
        public CommandType<AesDecryptUpdate, OutputResponse> type() {
            return TYPE;
        }
    }

    /** AesGcmEncryptInit's answer: the context and the 12-byte IV the device chose. */
    public record GcmInitResponse(int fipsStatus, AesGcmContext context, Octets iv) {
        public GcmInitResponse {
            InternalFields.present("AesGcmEncryptInit", "context", context);
            InternalFields.exactly("AesGcmEncryptInit", "iv", iv, GCM_IV_SIZE);
        }
    }

    /**
     * AesGcmEncryptInit (0x3010): {@code flags} is reserved (0).
     *
     * <pre>
     * internal request:  flags u32, cmk u8[128], aad_size u32, aad u8[4096]     (4232)
     * internal response: fips_status, context u8[128], iv u8[12]               (144)
     * </pre>
     */
    public record AesGcmEncryptInit(int flags, Cmk cmk, Octets aad) implements AesCommand<GcmInitResponse> {
        public static final CommandType<AesGcmEncryptInit, GcmInitResponse> TYPE = CommandType.of(CommandId.AES_GCM_ENCRYPT_INIT,
                AesGcmEncryptInit.class, false, "Start AES-GCM encryption (the device picks the IV) with all of the AAD",
                Codec.fixed(4 + Cmk.SIZE + 4 + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.u32(v.flags()).bytes(v.cmk().bytes()), v.aad(), MAX_DATA),
                        in -> new AesGcmEncryptInit(in.u32("flags"), InternalFields.cmk(in, "cmk"),
                                InternalFields.sized(in, "aad_size", "aad", MAX_DATA))),
                Codec.fixed(4 + GCM_CONTEXT_SIZE + GCM_IV_SIZE, (v, out) -> out.u32(v.fipsStatus()).bytes(v.context().bytes()).bytes(v.iv()),
                        in -> new GcmInitResponse(in.u32("fips_status"), gcmContext(in), in.bytes("iv", GCM_IV_SIZE))),
                () -> of(new Cmk(Octets.zeros(Cmk.SIZE)), Octets.fromHex("8081828384858687")));

        public AesGcmEncryptInit {
            InternalFields.present("AesGcmEncryptInit", "cmk", cmk);
            InternalFields.atMost("AesGcmEncryptInit", "aad", aad, MAX_DATA);
        }

        public static AesGcmEncryptInit of(Cmk cmk, Octets aad) {
            return new AesGcmEncryptInit(0, cmk, aad);
        }

        @Override
        public CommandType<AesGcmEncryptInit, GcmInitResponse> type() {
            return TYPE;
        }
    }

    /** A GCM update's answer: the next context and the output. */
    public record GcmOutputResponse(int fipsStatus, AesGcmContext context, Octets output) {
        public GcmOutputResponse {
            InternalFields.present("AES-GCM", "context", context);
            InternalFields.atMost("AES-GCM", "output", output, MAX_DATA);
        }
    }

    /** fips_status, context u8[128], {size} u32, {data} u8[4096]: 4232 bytes. */
    private static Codec<GcmOutputResponse> gcmOutput(String sizeField, String dataField) {
        return Codec.fixed(4 + GCM_CONTEXT_SIZE + 4 + MAX_DATA,
                (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()).bytes(v.context().bytes()), v.output(), MAX_DATA),
                in -> new GcmOutputResponse(in.u32("fips_status"), gcmContext(in),
                        InternalFields.sized(in, sizeField, dataField, MAX_DATA)));
    }

    /** context u8[128], {size} u32, {data} u8[4096]: 4228 bytes. */
    private static <Q> Codec<Q> gcmContextAndData(String sizeField, String dataField,
            java.util.function.Function<Q, AesGcmContext> context, java.util.function.Function<Q, Octets> data,
            java.util.function.BiFunction<AesGcmContext, Octets, Q> make) {
        return Codec.fixed(GCM_CONTEXT_SIZE + 4 + MAX_DATA,
                (v, out) -> InternalFields.sized(out.bytes(context.apply(v).bytes()), data.apply(v), MAX_DATA),
                in -> make.apply(gcmContext(in), InternalFields.sized(in, sizeField, dataField, MAX_DATA)));
    }

    /**
     * AesGcmEncryptUpdate (0x3011).
     *
     * <pre>
     * internal request:  context u8[128], plaintext_size u32, plaintext u8[4096]               (4228)
     * internal response: fips_status, context u8[128], ciphertext_size u32, ciphertext u8[4096] (4232)
     * </pre>
     */
    public record AesGcmEncryptUpdate(AesGcmContext context, Octets plaintext) implements AesCommand<GcmOutputResponse> {
        public static final CommandType<AesGcmEncryptUpdate, GcmOutputResponse> TYPE = CommandType.of(
                CommandId.AES_GCM_ENCRYPT_UPDATE, AesGcmEncryptUpdate.class, false, "Encrypt the next AES-GCM plaintext",
                gcmContextAndData("plaintext_size", "plaintext", AesGcmEncryptUpdate::context, AesGcmEncryptUpdate::plaintext,
                        AesGcmEncryptUpdate::new),
                gcmOutput("ciphertext_size", "ciphertext"),
                () -> new AesGcmEncryptUpdate(new AesGcmContext(Octets.zeros(GCM_CONTEXT_SIZE)), Octets.zeros(32)));

        public AesGcmEncryptUpdate {
            InternalFields.present("AesGcmEncryptUpdate", "context", context);
            InternalFields.atMost("AesGcmEncryptUpdate", "plaintext", plaintext, MAX_DATA);
        }

        @Override
        public CommandType<AesGcmEncryptUpdate, GcmOutputResponse> type() {
            return TYPE;
        }
    }

    /** AesGcmEncryptFinal's answer: the 16-byte tag and the last ciphertext. */
    public record GcmEncryptFinalResponse(int fipsStatus, Octets tag, Octets ciphertext) {
        public GcmEncryptFinalResponse {
            InternalFields.exactly("AesGcmEncryptFinal", "tag", tag, GCM_TAG_SIZE);
            InternalFields.atMost("AesGcmEncryptFinal", "ciphertext", ciphertext, MAX_GCM_FINAL_OUTPUT);
        }
    }

    /**
     * AesGcmEncryptFinal (0x3012).
     *
     * <pre>
     * internal request:  context u8[128], plaintext_size u32, plaintext u8[4096]               (4228)
     * internal response: fips_status, tag u8[16], ciphertext_size u32, ciphertext u8[4112]     (4136)
     * </pre>
     */
    public record AesGcmEncryptFinal(AesGcmContext context, Octets plaintext) implements AesCommand<GcmEncryptFinalResponse> {
        public static final CommandType<AesGcmEncryptFinal, GcmEncryptFinalResponse> TYPE = CommandType.of(
                CommandId.AES_GCM_ENCRYPT_FINAL, AesGcmEncryptFinal.class, false,
                "Encrypt the last AES-GCM plaintext and return the tag",
                gcmContextAndData("plaintext_size", "plaintext", AesGcmEncryptFinal::context, AesGcmEncryptFinal::plaintext,
                        AesGcmEncryptFinal::new),
                Codec.fixed(4 + GCM_TAG_SIZE + 4 + MAX_GCM_FINAL_OUTPUT,
                        (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()).bytes(v.tag()), v.ciphertext(), MAX_GCM_FINAL_OUTPUT),
                        in -> new GcmEncryptFinalResponse(in.u32("fips_status"), in.bytes("tag", GCM_TAG_SIZE),
                                InternalFields.sized(in, "ciphertext_size", "ciphertext", MAX_GCM_FINAL_OUTPUT))),
                () -> new AesGcmEncryptFinal(new AesGcmContext(Octets.zeros(GCM_CONTEXT_SIZE)), Octets.zeros(5)));

        public AesGcmEncryptFinal {
            InternalFields.present("AesGcmEncryptFinal", "context", context);
            InternalFields.atMost("AesGcmEncryptFinal", "plaintext", plaintext, MAX_DATA);
        }

        @Override
        public CommandType<AesGcmEncryptFinal, GcmEncryptFinalResponse> type() {
            return TYPE;
        }
    }

    /** AesGcmDecryptInit's answer: the context. */
    public record GcmContextResponse(int fipsStatus, AesGcmContext context) {
        public GcmContextResponse {
            InternalFields.present("AesGcmDecryptInit", "context", context);
        }
    }

    /**
     * AesGcmDecryptInit (0x3013): {@code flags} is reserved (0).
     *
     * <pre>
     * internal request:  flags u32, cmk u8[128], iv u8[12], aad_size u32, aad u8[4096]         (4244)
     * internal response: fips_status, context u8[128]                                          (132)
     * </pre>
     */
    public record AesGcmDecryptInit(int flags, Cmk cmk, Octets iv, Octets aad) implements AesCommand<GcmContextResponse> {
        public static final CommandType<AesGcmDecryptInit, GcmContextResponse> TYPE = CommandType.of(CommandId.AES_GCM_DECRYPT_INIT,
                AesGcmDecryptInit.class, false, "Start AES-GCM decryption with the IV of the encryption and all of the AAD",
                Codec.fixed(4 + Cmk.SIZE + GCM_IV_SIZE + 4 + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.u32(v.flags()).bytes(v.cmk().bytes()).bytes(v.iv()), v.aad(), MAX_DATA),
                        in -> new AesGcmDecryptInit(in.u32("flags"), InternalFields.cmk(in, "cmk"), in.bytes("iv", GCM_IV_SIZE),
                                InternalFields.sized(in, "aad_size", "aad", MAX_DATA))),
                Codec.fixed(4 + GCM_CONTEXT_SIZE, (v, out) -> out.u32(v.fipsStatus()).bytes(v.context().bytes()),
                        in -> new GcmContextResponse(in.u32("fips_status"), gcmContext(in))),
                () -> of(new Cmk(Octets.zeros(Cmk.SIZE)), Octets.zeros(GCM_IV_SIZE), Octets.fromHex("8081828384858687")));

        public AesGcmDecryptInit {
            InternalFields.present("AesGcmDecryptInit", "cmk", cmk);
            InternalFields.exactly("AesGcmDecryptInit", "iv", iv, GCM_IV_SIZE);
            InternalFields.atMost("AesGcmDecryptInit", "aad", aad, MAX_DATA);
        }

        public static AesGcmDecryptInit of(Cmk cmk, Octets iv, Octets aad) {
            return new AesGcmDecryptInit(0, cmk, iv, aad);
        }

        @Override
        public CommandType<AesGcmDecryptInit, GcmContextResponse> type() {
            return TYPE;
        }
    }

    /**
     * AesGcmDecryptUpdate (0x3014).
     *
     * <pre>
     * internal request:  context u8[128], ciphertext_size u32, ciphertext u8[4096]             (4228)
     * internal response: fips_status, context u8[128], plaintext_size u32, plaintext u8[4096]  (4232)
     * </pre>
     */
    public record AesGcmDecryptUpdate(AesGcmContext context, Octets ciphertext) implements AesCommand<GcmOutputResponse> {
        public static final CommandType<AesGcmDecryptUpdate, GcmOutputResponse> TYPE = CommandType.of(
                CommandId.AES_GCM_DECRYPT_UPDATE, AesGcmDecryptUpdate.class, false, "Decrypt the next AES-GCM ciphertext",
                gcmContextAndData("ciphertext_size", "ciphertext", AesGcmDecryptUpdate::context, AesGcmDecryptUpdate::ciphertext,
                        AesGcmDecryptUpdate::new),
                gcmOutput("plaintext_size", "plaintext"),
                () -> new AesGcmDecryptUpdate(new AesGcmContext(Octets.zeros(GCM_CONTEXT_SIZE)), Octets.zeros(32)));

        public AesGcmDecryptUpdate {
            InternalFields.present("AesGcmDecryptUpdate", "context", context);
            InternalFields.atMost("AesGcmDecryptUpdate", "ciphertext", ciphertext, MAX_DATA);
        }

        @Override
        public CommandType<AesGcmDecryptUpdate, GcmOutputResponse> type() {
            return TYPE;
        }
    }

    /** AesGcmDecryptFinal's answer: whether the tag matched, and the last plaintext. */
    public record GcmDecryptFinalResponse(int fipsStatus, boolean tagVerified, Octets plaintext) {
        public GcmDecryptFinalResponse {
            InternalFields.atMost("AesGcmDecryptFinal", "plaintext", plaintext, MAX_GCM_FINAL_OUTPUT);
        }
    }

    /**
     * AesGcmDecryptFinal (0x3015): the expected tag (usually 16 bytes; tag_len is its length, the
     * field zero-padded) and the last ciphertext.
     *
     * <pre>
     * internal request:  context u8[128], tag_len u32, tag u8[16], ciphertext_size u32,
     *                    ciphertext u8[4096]                                                   (4248)
     * internal response: fips_status, tag_verified u32, plaintext_size u32, plaintext u8[4112] (4124)
     * </pre>
     */
    public record AesGcmDecryptFinal(AesGcmContext context, Octets tag, Octets ciphertext) implements AesCommand<GcmDecryptFinalResponse> {
        public static final CommandType<AesGcmDecryptFinal, GcmDecryptFinalResponse> TYPE = CommandType.of(
                CommandId.AES_GCM_DECRYPT_FINAL, AesGcmDecryptFinal.class, false,
                "Decrypt the last AES-GCM ciphertext and check the tag",
                Codec.fixed(GCM_CONTEXT_SIZE + 4 + GCM_TAG_SIZE + 4 + MAX_DATA,
                        (v, out) -> InternalFields.sized(out.bytes(v.context().bytes()).u32(v.tag().length()).padded(v.tag(), GCM_TAG_SIZE),
                                v.ciphertext(), MAX_DATA),
                        in -> {
                            AesGcmContext context = gcmContext(in);
                            int tagLength = in.u32AtMost("tag_len", GCM_TAG_SIZE);
                            return new AesGcmDecryptFinal(context, in.prefixOf("tag", GCM_TAG_SIZE, tagLength),
                                    InternalFields.sized(in, "ciphertext_size", "ciphertext", MAX_DATA));
                        }),
                Codec.fixed(12 + MAX_GCM_FINAL_OUTPUT,
                        (v, out) -> InternalFields.sized(out.u32(v.fipsStatus()).u32(v.tagVerified() ? 1 : 0), v.plaintext(),
                                MAX_GCM_FINAL_OUTPUT),
                        in -> new GcmDecryptFinalResponse(in.u32("fips_status"), in.u32("tag_verified") != 0,
                                InternalFields.sized(in, "plaintext_size", "plaintext", MAX_GCM_FINAL_OUTPUT))),
                () -> new AesGcmDecryptFinal(new AesGcmContext(Octets.zeros(GCM_CONTEXT_SIZE)), Octets.zeros(GCM_TAG_SIZE),
                        Octets.zeros(5)));

        public AesGcmDecryptFinal {
            InternalFields.present("AesGcmDecryptFinal", "context", context);
            InternalFields.atMost("AesGcmDecryptFinal", "tag", tag, GCM_TAG_SIZE);
            InternalFields.atMost("AesGcmDecryptFinal", "ciphertext", ciphertext, MAX_DATA);
        }

        @Override
        public CommandType<AesGcmDecryptFinal, GcmDecryptFinalResponse> type() {
            return TYPE;
        }
    }
}
