package org.caliptra.util.host.commands;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.caliptra.util.host.transport.mailbox.MailboxCommandMapping;
import org.caliptra.util.protocol.codec.CommandCodec;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * A mailbox mapping built on the command's {@code protocol} codec: the internal request becomes the
 * codec's request record, and the decoded response record (with the frame's fips_status) becomes
 * the internal response. The wire layout is written only in the codec.
 *
 * @param fromInternal internal request bytes → request record; throws ProtocolException when they do not fit
 * @param toInternal fips_status and response record → internal response bytes
 */
public record CodecMailboxMapping<Q, R>(CommandId id, CommandCodec<Q, R> codec, Function<byte[], Q> fromInternal,
        BiFunction<Integer, R, byte[]> toInternal) implements MailboxCommandMapping {
    public CodecMailboxMapping {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(fromInternal, "fromInternal");
        Objects.requireNonNull(toInternal, "toInternal");
    }

    @Override
    public int commandId() {
        return id.value();
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
