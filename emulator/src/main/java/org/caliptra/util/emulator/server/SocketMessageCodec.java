package org.caliptra.util.emulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;
import java.util.Objects;
import org.caliptra.util.protocol.socket.SocketCodec;
import org.caliptra.util.protocol.socket.SocketMessage;

/**
 * Between the frames and the handler: decodes each {@link RawFrame}'s payload into the codec's
 * message (a malformed payload raises a {@link org.caliptra.util.protocol.ProtocolException}, which
 * closes the connection like a malformed header), and encodes outgoing messages, header included.
 */
final class SocketMessageCodec extends MessageToMessageCodec<RawFrame, SocketMessage> {
    private final SocketCodec<?> codec;

    SocketMessageCodec(SocketCodec<?> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, RawFrame frame, List<Object> out) {
        out.add(codec.decodePayload(frame.header(), frame.payload()));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, SocketMessage message, List<Object> out) {
        byte[] frame = message.encode();
        ByteBuf buffer = ctx.alloc().buffer(frame.length);
        out.add(buffer.writeBytes(frame));
    }
}
