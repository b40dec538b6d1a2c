package org.caliptra.util.host.commands;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caliptra.util.host.session.Command;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * A mailbox mapping built on the command's {@code protocol} codec: the internal request becomes the
 * codec's request record, and the decoded response record (with the frame's fips_status) becomes
 * the internal response. The wire layout is written only in the codec.
 *
 * <p>A conversion that finds a value the other side cannot hold (a CSR longer than the internal
 * buffer, an index the target has no answer for) fails as a {@link ProtocolException} naming the
 * mailbox command, which the transport reports as an invalid message.
 *
 * @param fromInternal internal request bytes → request record; throws ProtocolException when they do not fit
 * @param toInternal fips_status and response record → internal response bytes
 */
public record CodecMailboxMapping<Q, R>(int commandId, CommandCodec<Q, R> codec, Function<byte[], Q> fromInternal,
        BiFunction<Integer, R, byte[]> toInternal) implements MailboxCommandMapping {
    public CodecMailboxMapping {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(fromInternal, "fromInternal");
        Objects.requireNonNull(toInternal, "toInternal");
    }

    /**
     * The mapping of {@code type} onto {@code codec}.
     *
     * @param toWire the typed request → the codec's request record
     * @param fromWire fips_status and the codec's response record → the typed response
     */
    public static <C extends Command<T>, T, Q, R> CodecMailboxMapping<Q, R> of(CommandType<C, T> type, CommandCodec<Q, R> codec,
            Function<? super C, ? extends Q> toWire, BiFunction<Integer, ? super R, ? extends T> fromWire) {
        return new CodecMailboxMapping<>(type.id(), codec,
                internal -> convert(null, () -> toWire.apply(type.decodeRequest(internal))),
                (fips, response) -> type.encodeResponse(convert(codec.name() + " response", () -> fromWire.apply(fips, response))));
    }

    /**
     * Runs a conversion, reporting a value the target record refuses as a malformed message of
     * {@code what} (null for a request, which the transport names itself).
     */
    static <V> V convert(String what, java.util.function.Supplier<V> conversion) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(what == null ? e.getMessage() : what + ": " + e.getMessage());
        }
    }

    @Override
    public int externalCommand() {
        return codec.code();
    }

    @Override
    public String name() {
        return codec.name();
    }

    @Override
    public byte[] toExternalRequest(byte[] internalRequest) {
        return codec.encodeRequest(fromInternal.apply(internalRequest));
    }

    @Override
    public byte[] toInternalResponse(MailboxFrame.Response response) {
        return toInternal.apply(response.fipsStatus(), codec.decodeResponse(response.fields()));
    }
}
