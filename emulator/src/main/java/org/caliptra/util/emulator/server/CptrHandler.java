package org.caliptra.util.emulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.caliptra.util.emulator.BusFaultException;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.CptrMessage.ApbRead;
import org.caliptra.util.protocol.socket.CptrMessage.ApbReadData;
import org.caliptra.util.protocol.socket.CptrMessage.ApbWrite;
import org.caliptra.util.protocol.socket.CptrMessage.ApbWriteAck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves CPTR requests on a device's {@link RegisterBus}: each APB_READ or APB_WRITE is one bus
 * access followed by one device step, as a single exclusive sequence, so a client that polls a
 * status register sees the device make progress without a step command of its own. Accesses from
 * different connections interleave like those of concurrent bus masters; the mailbox lock
 * arbitrates between them as on hardware.
 *
 * <p>An access no register answers (an unmapped or misaligned address, a {@link BusFaultException})
 * is still answered — APB_RDATA 0 or APB_WACK — with a log line, as an APB slave error response
 * would leave a bridge's read data zero; the connection stays open.
 */
final class CptrHandler extends SimpleChannelInboundHandler<CptrMessage.Request> {
    private static final Logger LOG = LoggerFactory.getLogger(CptrHandler.class);
    private final String kind;
    private final RegisterBus bus;
    private final DeviceCalls calls;

    /** @param deviceCalls where the device is called (the device's call executor; see {@link DeviceCalls}) */
    CptrHandler(String kind, RegisterBus bus, Executor deviceCalls) {
        this.kind = kind;
        this.bus = Objects.requireNonNull(bus, "bus");
        this.calls = new DeviceCalls(Objects.requireNonNull(deviceCalls, "deviceCalls"));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, CptrMessage.Request request) {
        calls.submit(ctx, () -> {
            try {
                return serve(request);
            } catch (BusFaultException e) {
                LOG.warn("{}: {} at 0x{}: {}; answered {}", ConnectionGuard.describe(kind, ctx),
                        request instanceof ApbRead ? "APB_READ" : "APB_WRITE", String.format("%08X", request.address()), e.getMessage(),
                        request instanceof ApbRead ? "APB_RDATA 0" : "APB_WACK");
                return request instanceof ApbRead ? new ApbReadData(0) : new ApbWriteAck();
            }
        }, LOG, kind);
    }

    private CptrMessage.Reply serve(CptrMessage.Request request) {
        if (request instanceof ApbRead read) {
            int value = bus.exclusive(b -> {
                try {
                    return b.read32(read.address());
                } finally {
                    b.idle();
                }
            });
            return new ApbReadData(value);
        }
        var write = (ApbWrite) request;
        bus.exclusive(b -> {
            try {
                b.write32(write.address(), write.data());
            } finally {
                b.idle();
            }
            return null;
        });
        return new ApbWriteAck();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        calls.writabilityChanged(ctx);
        super.channelWritabilityChanged(ctx);
    }
}
