package org.caliptra.util.emulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.function.Consumer;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;

/**
 * Cuts a connection's byte stream into {@link I3cCommandFrame}s. The 9-byte header is checked before
 * its payload is waited for or copied: a transfer other than a regular one, a data_length over 255,
 * or an address other than the target's closes the connection with one log line, since the
 * stream cannot be trusted past it.
 */
final class I3cCommandDecoder extends ByteToMessageDecoder {
    private final int targetAddress;
    private final String peer;
    private final Consumer<String> log;
    private boolean failed;

    I3cCommandDecoder(int targetAddress, String peer, Consumer<String> log) {
        this.targetAddress = targetAddress;
        this.peer = peer;
        this.log = log;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < I3cCommandFrame.HEADER_SIZE) {
            return;
        }
        byte[] headerBytes = new byte[I3cCommandFrame.HEADER_SIZE];
        in.getBytes(in.readerIndex(), headerBytes);
        I3cCommandFrame.Header header;
        try {
            header = I3cCommandFrame.decodeHeader(headerBytes, 0);
        } catch (ProtocolException e) {
            fail(ctx, in, e.getMessage());
            return;
        }
        if (header.toAddress() != targetAddress) {
            fail(ctx, in, String.format("I3C command frame addressed to 0x%02X; the only target is 0x%02X", header.toAddress(),
                    targetAddress));
            return;
        }
        if (in.readableBytes() < I3cCommandFrame.HEADER_SIZE + header.payloadLength()) {
            return;
        }
        in.skipBytes(I3cCommandFrame.HEADER_SIZE);
        byte[] payload = new byte[header.payloadLength()];
        in.readBytes(payload);
        out.add(new I3cCommandFrame(header.toAddress(), header.descriptor(), Octets.of(payload)));
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String why) {
        failed = true;
        in.skipBytes(in.readableBytes());
        log.accept(peer + ": connection closed: " + why);
        ctx.close();
    }
}
