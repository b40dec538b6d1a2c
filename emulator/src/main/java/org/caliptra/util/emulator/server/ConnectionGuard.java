package org.caliptra.util.emulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.caliptra.util.protocol.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every stream connection: whatever failure reaches it — a malformed frame, an
 * idle timeout, a reset by the peer, a handler's error — is one log line and the end of this
 * connection, and of nothing else.
 */
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private final String kind;

    ConnectionGuard(String kind) {
        this.kind = kind;
    }

    /** "apb connection 0a1b2c3d from 127.0.0.1:51234", for log lines. */
    static String describe(String kind, ChannelHandlerContext ctx) {
        var remote = ctx.channel().remoteAddress();
        String from = remote == null || remote.toString().isEmpty() ? "" : " from " + remote;
        return kind + " connection " + ctx.channel().id().asShortText() + from;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info("{}: idle beyond the idle timeout, closing it", describe(kind, ctx));
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof ProtocolException) {
            LOG.warn("{}: malformed frame, closing it: {}", describe(kind, ctx), root.getMessage());
        } else if (root instanceof IOException) {
            LOG.debug("{}: {}", describe(kind, ctx), root.getMessage());
        } else {
            LOG.error("{}: closing it after an unexpected error: {}", describe(kind, ctx), root.toString(), root);
        }
        ctx.close();
    }
}
