package org.caliptra.util.emulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.Objects;
import org.caliptra.util.protocol.socket.FrameHeader;
import org.caliptra.util.protocol.socket.SocketCodec;

/**
 * Cuts a CPTR or MBOX byte stream into {@link RawFrame}s. The 12-byte header is judged by the
 * codec (magic, version, command, payload_len against its maximum) before the payload is waited
 * for, so a hostile payload_len costs nothing: no buffer of that size is ever allocated, and the
 * bytes already received stay bounded by the maximum frame.
 *
 * <p>A header the codec refuses raises its {@link org.caliptra.util.protocol.ProtocolException}
 * (the connection's guard logs it and closes the connection); everything after it is discarded.
 */
final class SocketFrameDecoder extends ByteToMessageDecoder {
    private final SocketCodec<?> codec;
    private boolean failed;

    SocketFrameDecoder(SocketCodec<?> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < FrameHeader.SIZE) {
            return;
        }
        int at = in.readerIndex();
        var header = new FrameHeader(in.getIntLE(at), in.getUnsignedShortLE(at + 4), in.getUnsignedShortLE(at + 6),
                in.getUnsignedIntLE(at + 8));
        try {
            codec.checkHeader(header);
        } catch (RuntimeException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
        // The codec bounds payload_len, so this fits an int and the buffer below stays small.
        int length = (int) header.payloadLength();
        if (in.readableBytes() < FrameHeader.SIZE + length) {
            return;
        }
        in.skipBytes(FrameHeader.SIZE);
        byte[] payload = new byte[length];
        in.readBytes(payload);
        out.add(new RawFrame(header, payload));
    }
}
