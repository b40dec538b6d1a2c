package org.caliptra.util.protocol.codec;

import java.util.Objects;

/**
 * One mailbox command's message codecs: its code, the request fields after the checksum and the
 * response fields after the checksum and fips_status. Both sides use the same instance: the host
 * encodes requests and decodes responses, the device decodes requests and encodes responses.
 */
public record CommandCodec<Q, R>(CommandCode command, Codec<Q> request, Codec<R> response) {
    public CommandCodec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
    }

    public static <Q, R> CommandCodec<Q, R> of(CommandCode command, Codec<Q> request, Codec<R> response) {
        return new CommandCodec<>(command, request, response);
    }

    public int code() {
        return command.code();
    }

    public String name() {
        return command.name();
    }

    public byte[] encodeRequest(Q value) {
        return request.encode(value);
    }

    public Q decodeRequest(byte[] fields) {
        return request.decode(fields, command.name() + " request");
    }

    public byte[] encodeResponse(R value) {
        return response.encode(value);
    }

    public R decodeResponse(byte[] fields) {
        return response.decode(fields, command.name() + " response");
    }
}
