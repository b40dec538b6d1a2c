package org.caliptra.util.emulator.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.caliptra.util.emulator.DeviceClosedException;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UDP mailbox endpoint (spec/hostlib.md §3.2; docs/protocols.md): each datagram is one
 * mailbox transaction on a {@link MailboxPort} — the MCU mailbox of a part with an MCU, else the
 * core mailbox — and its reply goes back to the sender's address.
 *
 * <ul>
 *   <li>A datagram under 4 bytes or over {@link UdpMailboxDatagram#MAX_REQUEST_SIZE} is dropped
 *       with one log line; the size is checked before anything is copied (the channel's receive
 *       buffer is set one byte larger than the bound, so an oversized datagram is seen as such
 *       rather than silently truncated).
 *   <li>Data: the reply is the response bytes. Anything else is answered with the failure reply
 *       {@code FF ‖ error code} ({@link UdpMailboxDatagram#failureReply}; the reference servers'
 *       empty or one-byte replies carry no code, and Netty sends no empty datagram) and logged:
 *       CMD_FAILURE with the device's error code; with code 0, CMD_COMPLETE without data, an
 *       unanswered command, a response over {@link UdpMailboxDatagram#MAX_REPLY_SIZE}, a device that
 *       failed.
 *   <li>A mailbox locked by another requester (a register-level client holds it) gets no reply and
 *       a log line: nothing ran, so the client's retransmission of the same request tries again.
 * </ul>
 *
 * <p><b>Retransmissions run once.</b> A datagram byte-identical to the previous one from the same
 * address and port, within {@link #RETRANSMISSION_WINDOW_SECONDS} seconds of it, is a client's
 * retransmission, not a new command: it is answered with the reply the first copy got (or, while
 * the first copy is still on the device, not at all), so a lost reply never makes a command run
 * twice. A client that means to send the same bytes again as a new command sends them from another
 * port, as the reference client (a new socket per command) and {@code UdpMailboxDriver} do. Only
 * the last request of each of the {@link #MAX_REMEMBERED_PEERS} most recent peers is remembered,
 * by its SHA-256, so the memory this takes is bounded.
 *
 * <p>The port is called on {@code deviceCalls} ({@link DeviceCalls}: a device's own thread, or this
 * event loop under the device's lock); the reply is built, logged and sent on the event loop. Give
 * each device one executor shared by its endpoints; each datagram is one atomic call. At most
 * {@link #MAX_IN_FLIGHT} datagrams wait for the device; more are dropped with a log line, so a
 * flood cannot queue without bound.
 */
public final class UdpMailboxHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    /** Datagrams accepted and not yet answered, beyond which new ones are dropped. */
    public static final int MAX_IN_FLIGHT = 256;
    /** How long a peer's last request is remembered to recognise its retransmissions. */
    public static final long RETRANSMISSION_WINDOW_SECONDS = 10;
    /** Peers whose last request is remembered; the least recently heard is forgotten first. */
    public static final int MAX_REMEMBERED_PEERS = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(UdpMailboxHandler.class);
    private static final byte[] NO_CODE = UdpMailboxDatagram.failureReply(0);

    private final MailboxPort port;
    private final DeviceCalls deviceCalls;
    private final Consumer<String> log;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Digests each datagram; one per handler, used only on its channel's event loop (digest() resets it). */
    private final MessageDigest sha256 = newSha256();
    private final Map<InetSocketAddress, LastRequest> lastRequests = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, LastRequest> eldest) {
            return size() > MAX_REMEMBERED_PEERS;
        }
    };

    /** A peer's last request: its digest, when it arrived, and its reply once the device has answered. */
    private static final class LastRequest {
        final byte[] digest;
        final long receivedNanos;
        volatile byte[] reply;

        LastRequest(byte[] digest, long receivedNanos) {
            this.digest = digest;
            this.receivedNanos = receivedNanos;
        }

        boolean repeatedBy(byte[] otherDigest, long nowNanos) {
            return nowNanos - receivedNanos <= TimeUnit.SECONDS.toNanos(RETRANSMISSION_WINDOW_SECONDS)
                    && MessageDigest.isEqual(digest, otherDigest);
        }
    }

    /** Logs to SLF4J (logger {@code org.caliptra.util.emulator.server.UdpMailboxHandler}, level WARN). */
    public UdpMailboxHandler(MailboxPort port, Executor deviceCalls) {
        this(port, deviceCalls, LOG::warn);
    }

    /** @param log receives one line per dropped datagram and per request the device did not answer with data */
    public UdpMailboxHandler(MailboxPort port, Executor deviceCalls, Consumer<String> log) {
        super(DatagramPacket.class);
        this.port = Objects.requireNonNull(port, "port");
        this.deviceCalls = new DeviceCalls(Objects.requireNonNull(deviceCalls, "deviceCalls"));
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        ctx.channel().config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(UdpMailboxDatagram.MAX_REQUEST_SIZE + 1));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        InetSocketAddress sender = packet.sender();
        int size = packet.content().readableBytes();
        try {
            UdpMailboxDatagram.checkRequestSize(size);
        } catch (ProtocolException e) {
            log.accept(peer(sender) + ": datagram dropped: " + e.getMessage());
            return;
        }
        if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
            inFlight.decrementAndGet();
            log.accept(peer(sender) + ": datagram dropped: " + MAX_IN_FLIGHT + " requests already wait for the device");
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(packet.content());
        LastRequest current = new LastRequest(sha256.digest(bytes), System.nanoTime());
        synchronized (lastRequests) {
            LastRequest previous = lastRequests.get(sender);
            if (previous != null && previous.repeatedBy(current.digest, current.receivedNanos)) {
                inFlight.decrementAndGet();
                byte[] reply = previous.reply;
                if (reply != null) {
                    ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), sender));
                }
                return; // a retransmission: answered from the first copy's reply, or by it when the device is done
            }
            lastRequests.put(sender, current);
        }
        UdpMailboxDatagram request = UdpMailboxDatagram.decode(bytes);
        try {
            deviceCalls.run(ctx, () -> port.execute(request.command(), request.sram().toByteArray()), false, (outcome, failure) -> {
                inFlight.decrementAndGet();
                byte[] reply = replyFor(request, sender, outcome, failure);
                if (reply != null) {
                    current.reply = reply;
                    ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(reply), sender));
                } else {
                    forget(sender, current); // nothing ran: a retransmission must reach the device
                }
            });
        } catch (RejectedExecutionException | DeviceClosedException e) {
            inFlight.decrementAndGet();
            forget(sender, current);
            log.accept(peer(sender) + ": datagram dropped: the device is shutting down");
        }
    }

    private void forget(InetSocketAddress sender, LastRequest request) {
        synchronized (lastRequests) {
            lastRequests.remove(sender, request);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The reply for one request: the response bytes, a failure reply, or null for none; anything but data is logged. */
    private byte[] replyFor(UdpMailboxDatagram request, InetSocketAddress sender, MailboxReply reply, RuntimeException failure) {
        if (reply instanceof MailboxReply.Data data && data.length() <= UdpMailboxDatagram.MAX_REPLY_SIZE) {
            return data.bytes();
        }
        String what = peer(sender) + String.format(": command 0x%08X", request.command());
        if (failure != null) {
            log.accept(what + ": the device failed (" + failure.getMessage() + "); failure reply");
            return NO_CODE;
        }
        if (reply instanceof MailboxReply.Data data) {
            log.accept(what + ": the " + data.length() + "-byte response does not fit in a datagram; failure reply");
            return NO_CODE;
        }
        if (reply instanceof MailboxReply.Complete) {
            log.accept(what + ": completed without response data; failure reply");
            return NO_CODE;
        }
        if (reply instanceof MailboxReply.Failure refused) {
            log.accept(what + ": failed on the device with " + CaliptraError.describe(refused.errorCode()) + "; failure reply");
            return UdpMailboxDatagram.failureReply(refused.errorCode());
        }
        if (reply instanceof MailboxReply.Timeout timeout) {
            log.accept(what + ": the device did not answer within " + timeout.polls() + " status polls; failure reply");
            return NO_CODE;
        }
        log.accept(what + ": the mailbox is locked by another requester; no reply (nothing ran, a retransmission retries it)");
        return null;
    }

    private static String peer(InetSocketAddress sender) {
        return "udp " + (sender == null ? "?" : sender.getAddress().getHostAddress() + ":" + sender.getPort());
    }
}
