package org.caliptra.util.host.commands.hash;

import org.caliptra.util.host.commands.CatalogCommand;
import org.caliptra.util.host.commands.CommandId;
import org.caliptra.util.host.commands.CommandType;
import org.caliptra.util.host.commands.DigestResponse;
import org.caliptra.util.host.commands.InternalFields;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.cm.CmHashCommands;
import org.caliptra.util.protocol.cm.CmHashCommands.ShaContext;
import org.caliptra.util.protocol.cm.HashAlgorithm;
import org.caliptra.util.protocol.codec.Codec;

/**
 * Streaming SHA-384 / SHA-512 (spec/hostlib.md §2.3): HashInit with the first part of the message,
 * HashUpdate with each further part, HashFinalize with the last; the device carries its state in
 * an opaque 200-byte context between commands.
 */
public final class HashCommands {
    /** The most message bytes one command carries. */
    public static final int MAX_DATA = 4096;
    public static final int CONTEXT_SIZE = CmHashCommands.SHA_CONTEXT_SIZE;

    private HashCommands() {}

    /** The hash commands. */
    public sealed interface HashCommand<R> extends CatalogCommand<R> permits HashInit, HashUpdate, HashFinalize {}

    /** The context a hash step hands back: fips_status, context u8[200] (204 bytes). */
    public record ContextResponse(int fipsStatus, ShaContext context) {
        public ContextResponse {
            InternalFields.present("hash", "context", context);
        }
    }

    static final Codec<ContextResponse> CONTEXT_RESPONSE = Codec.fixed(4 + CONTEXT_SIZE,
            (v, out) -> out.u32(v.fipsStatus()).bytes(v.context().bytes()),
            in -> new ContextResponse(in.u32("fips_status"), new ShaContext(in.bytes("context", CONTEXT_SIZE))));

    /**
     * HashInit (0x2001).
     *
     * <pre>
     * internal request:  algorithm u32, input_size u32, input u8[4096]         (4104)
     * internal response: fips_status, context u8[200]                          (204)
     * </pre>
     */
    public record HashInit(HashAlgorithm algorithm, Octets input) implements HashCommand<ContextResponse> {
        public static final CommandType<HashInit, ContextResponse> TYPE = CommandType.of(CommandId.HASH_INIT, HashInit.class,
                true, "Start a SHA-384/512 hash with the first (up to 4096) bytes of the message",
                Codec.fixed(8 + MAX_DATA, (v, out) -> InternalFields.sized(out.u32(v.algorithm().value()), v.input(), MAX_DATA),
                        in -> new HashInit(InternalFields.hashAlgorithm(in, "algorithm"),
                                InternalFields.sized(in, "input_size", "input", MAX_DATA))),
                CONTEXT_RESPONSE, () -> new HashInit(HashAlgorithm.SHA384, Octets.of("abc".getBytes())));

        public HashInit {
            InternalFields.present("HashInit", "algorithm", algorithm);
            InternalFields.atMost("HashInit", "input", input, MAX_DATA);
        }

        @Override
        public CommandType<HashInit, ContextResponse> type() {
            return TYPE;
        }
    }

    /** context u8[200], input_size u32, input u8[4096]: 4300 bytes. */
    private static <Q> Codec<Q> contextAndInput(java.util.function.Function<Q, ShaContext> context,
            java.util.function.Function<Q, Octets> input, java.util.function.BiFunction<ShaContext, Octets, Q> make) {
        return Codec.fixed(CONTEXT_SIZE + 4 + MAX_DATA,
                (v, out) -> InternalFields.sized(out.bytes(context.apply(v).bytes()), input.apply(v), MAX_DATA),
                in -> make.apply(new ShaContext(in.bytes("context", CONTEXT_SIZE)), InternalFields.sized(in, "input_size", "input",
                        MAX_DATA)));
    }

    /**
     * HashUpdate (0x2002).
     *
     * <pre>
     * internal request:  context u8[200], input_size u32, input u8[4096]       (4300)
     * internal response: fips_status, context u8[200]                          (204)
     * </pre>
     */
    public record HashUpdate(ShaContext context, Octets input) implements HashCommand<ContextResponse> {
        public static final CommandType<HashUpdate, ContextResponse> TYPE = CommandType.of(CommandId.HASH_UPDATE, HashUpdate.class,
                false, "Feed the next (up to 4096) bytes of the message to a hash",
                contextAndInput(HashUpdate::context, HashUpdate::input, HashUpdate::new), CONTEXT_RESPONSE,
                () -> new HashUpdate(new ShaContext(Octets.zeros(CONTEXT_SIZE)), Octets.of("def".getBytes())));

        public HashUpdate {
            InternalFields.present("HashUpdate", "context", context);
            InternalFields.atMost("HashUpdate", "input", input, MAX_DATA);
        }

        @Override
        public CommandType<HashUpdate, ContextResponse> type() {
            return TYPE;
        }
    }

    /**
     * HashFinalize (0x2003).
     *
     * <pre>
     * internal request:  context u8[200], input_size u32, input u8[4096]       (4300)
     * internal response: fips_status, hash_size u32, hash u8[64]               (72)
     * </pre>
     */
    public record HashFinalize(ShaContext context, Octets input) implements HashCommand<DigestResponse> {
        public static final CommandType<HashFinalize, DigestResponse> TYPE = CommandType.of(CommandId.HASH_FINALIZE,
                HashFinalize.class, false, "Feed the last (up to 4096) bytes of the message and return the digest",
                contextAndInput(HashFinalize::context, HashFinalize::input, HashFinalize::new),
                DigestResponse.codec("hash_size", "hash"),
                () -> new HashFinalize(new ShaContext(Octets.zeros(CONTEXT_SIZE)), Octets.zeros(0)));

        public HashFinalize {
            InternalFields.present("HashFinalize", "context", context);
            InternalFields.atMost("HashFinalize", "input", input, MAX_DATA);
        }

        @Override
        public CommandType<HashFinalize, DigestResponse> type() {
            return TYPE;
        }
    }
}
