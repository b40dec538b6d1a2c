package org.caliptra.util.emulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import org.caliptra.util.protocol.i3c.I3cTargetFrame;

/** Writes {@link I3cTargetFrame}s: IBIs and private-read data. */
@ChannelHandler.Sharable
final class I3cTargetFrameEncoder extends MessageToByteEncoder<I3cTargetFrame> {
    I3cTargetFrameEncoder() {
        super(I3cTargetFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, I3cTargetFrame frame, ByteBuf out) {
        out.writeBytes(frame.encode());
    }
}
