package org.caliptra.util.emulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.caliptra.util.emulator.DeviceClosedException;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.i3c.I3cCommandFrame;
import org.caliptra.util.protocol.i3c.I3cTargetFrame;
import org.caliptra.util.protocol.i3c.Pec;
import org.caliptra.util.protocol.mctp.MctpMessage;
import org.caliptra.util.protocol.mctp.MctpPacket;
import org.caliptra.util.protocol.mctp.MctpPacketizer;
import org.caliptra.util.protocol.mctp.MctpReassembler;
import org.caliptra.util.protocol.mctp.MctpTransportHeader;
import org.caliptra.util.protocol.mctp.VdmMessage;
import org.caliptra.util.protocol.mctp.VdmPort;

/**
 * One connection's I3C target and MCTP endpoint (spec/hostlib.md §4.3–§4.4). A private write is an
 * MCTP packet and its PEC: a PEC that does not match drops that packet, as does anything the
 * reassembler drops, each with one log line. A complete request message is exchanged with the
 * device's {@link VdmPort} as one call; the response is packetized (to the requester's EID, from
 * the device's, TO = 0, the request's tag) and queued. The head of the queue is announced with an
 * IBI (MDB 0xAE); a private read takes it — packet and PEC — and the next one is announced. A
 * private read with nothing queued is answered with no data.
 *
 * <p>All state lives on the channel's event loop; only the device call runs on the device
 * executor ({@link DeviceCalls}). One request is in the device at a time per connection: while it
 * waits for a device thread the connection stops reading, and complete requests already read wait
 * in order (at most {@link #MAX_WAITING}).
 * Unread response packets are bounded by {@link #MAX_QUEUED_PACKETS}: a response that would pass
 * it is dropped with a log line (the client is not reading).
 */
final class I3cTargetHandler extends SimpleChannelInboundHandler<I3cCommandFrame> {
    /** Complete requests that may wait behind the one in the device; 8 is one per tag. */
    static final int MAX_WAITING = 8;
    /** Unread response packets kept: eight of the largest responses (15 packets each). */
    static final int MAX_QUEUED_PACKETS = 8 * 16;

    private final VdmPort port;
    private final DeviceCalls deviceCalls;
    private final String peer;
    private final Consumer<String> log;
    private final MctpReassembler reassembler;
    private final Deque<MctpMessage> waiting = new ArrayDeque<>();
    private final Deque<byte[]> packets = new ArrayDeque<>();
    private boolean inDevice;
    private boolean ibiOutstanding;

    I3cTargetHandler(VdmPort port, Executor deviceCalls, String peer, Consumer<String> log) {
        super(I3cCommandFrame.class);
        this.port = port;
        this.deviceCalls = new DeviceCalls(deviceCalls);
        this.peer = peer;
        this.log = log;
        this.reassembler = new MctpReassembler(I3cSocketInitializer.DEVICE_EID, MctpReassembler.Role.RESPONDER,
                VdmMessage.MCTP_MESSAGE_TYPE, MctpMessage.MAX_VDM_BODY, why -> log.accept(peer + ": " + why));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, I3cCommandFrame frame) {
        if (frame.descriptor().read()) {
            privateRead(ctx, frame.toAddress());
        } else {
            privateWrite(ctx, frame);
        }
    }

    private void privateRead(ChannelHandlerContext ctx, int address) {
        byte[] packet = packets.poll();
        if (packet == null) {
            ctx.writeAndFlush(I3cTargetFrame.readData(address, new byte[0]));
            return;
        }
        ibiOutstanding = false;
        ctx.write(I3cTargetFrame.mctpRead(address, packet));
        announce(ctx);
        ctx.flush();
    }

    private void privateWrite(ChannelHandlerContext ctx, I3cCommandFrame frame) {
        byte[] bytes;
        try {
            bytes = Pec.openWrite(frame.toAddress(), frame.payload().toByteArray());
        } catch (ProtocolException e) {
            log.accept(peer + ": packet dropped: " + e.getMessage());
            return;
        }
        if (bytes.length < MctpTransportHeader.SIZE) {
            log.accept(peer + ": packet dropped: " + bytes.length + " bytes is shorter than the MCTP transport header");
            return;
        }
        reassembler.accept(MctpPacket.decode(bytes)).ifPresent(message -> {
            if (waiting.size() >= MAX_WAITING) {
                log.accept(String.format("%s: request from EID 0x%02X tag %d dropped: %d requests already wait for the device", peer,
                        message.srcEid(), message.messageTag(), MAX_WAITING));
                return;
            }
            waiting.add(message);
            nextExchange(ctx);
        });
    }

    private void nextExchange(ChannelHandlerContext ctx) {
        if (inDevice || waiting.isEmpty() || !ctx.channel().isActive()) {
            return;
        }
        MctpMessage request = waiting.poll();
        inDevice = true;
        try {
            deviceCalls.run(ctx, () -> port.exchangeVdm(request.content()), true, (response, failure) -> {
                if (failure != null) {
                    log.accept(peer + ": connection closed: the device failed the VDM exchange (" + failure.getMessage() + ")");
                    ctx.close();
                } else {
                    answered(ctx, request, response);
                }
            });
        } catch (RejectedExecutionException | DeviceClosedException e) {
            log.accept(peer + ": connection closed: the device is shutting down");
            ctx.close();
        }
    }

    private void answered(ChannelHandlerContext ctx, MctpMessage request, byte[] response) {
        inDevice = false;
        var responsePackets = MctpPacketizer.packetize(request.srcEid(), I3cSocketInitializer.DEVICE_EID, false, request.messageTag(),
                MctpMessage.vdmBody(response));
        if (packets.size() + responsePackets.size() > MAX_QUEUED_PACKETS) {
            log.accept(String.format("%s: response to EID 0x%02X tag %d dropped: %d packets are queued unread", peer, request.srcEid(),
                    request.messageTag(), packets.size()));
        } else {
            responsePackets.forEach(p -> packets.add(p.encode()));
            announce(ctx);
            ctx.flush();
        }
        nextExchange(ctx);
    }

    /** An IBI for the head of the queue, unless one is already out for it. */
    private void announce(ChannelHandlerContext ctx) {
        if (!ibiOutstanding && !packets.isEmpty()) {
            ibiOutstanding = true;
            ctx.write(I3cTargetFrame.ibi(I3cTargetFrame.MDB_PENDING_READ_MCTP, I3cSocketInitializer.TARGET_ADDRESS));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.accept(peer + ": connection closed: " + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()));
        ctx.close();
    }
}
