package org.caliptra.util.host.transport.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.socket.UdpMailboxDatagram;

/**
 * A mailbox driver over the UDP mailbox protocol (spec/hostlib.md §3.2;
 * docs/protocols.md): one datagram {@code command ‖ SRAM} out, one datagram with the SRAM
 * response back, from a server such as {@code caliptra-util emulator serve --udp-port}.
 *
 * <p><b>Loss.</b> A request unanswered within the timeout is sent again, byte for byte and from the
 * same port, up to {@code retries} more times; then the command fails with TIMEOUT. The emulator's
 * endpoint answers a retransmission with the reply of the first copy instead of running it again
 * (docs/protocols.md), so a lost reply does not make a command run twice. For that rule to
 * tell a retransmission from a new command, a command byte-identical to the previous one is sent
 * from a fresh socket (a new port). A server without that rule (the reference's) may run a
 * retransmitted command twice; {@code retries} 0 avoids it there.
 *
 * <p><b>Stale and foreign replies.</b> A datagram from any address but the server's, and one that
 * is neither a verified response frame nor a failure reply ({@link UdpMailboxDatagram#classifyReply}),
 * is ignored and the wait goes on. After an exchange that needed a retransmission or timed out, a
 * late duplicate reply may still be on its way, so the socket (and its port) is replaced before the
 * next command; a clean exchange keeps the socket, and anything already queued on it is discarded
 * before each send. The replaced socket is not closed at once: it stays bound for {@link #LINGER}
 * (or the timeout, if longer) and the duplicate lands on it and is dropped. Closed at once, its
 * port could be handed straight to another socket of this host — another driver's fresh one —
 * which would take the duplicate for the answer to its own command.
 *
 * <p><b>Failures.</b> A failure reply with an error code is DEVICE_ERROR keeping the code; without
 * one (the reference servers' empty or 0xFF replies) it is INVALID_COMMAND, as the device refused the
 * command without saying why. A request over the datagram bound is BUFFER_OVERFLOW before anything
 * is sent. {@link #disconnect()} from another thread aborts a wait in progress.
 */
public final class UdpMailboxDriver implements MailboxDriver {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** Three transmissions in all: with the default timeout, 9 s, within the session's 10 s command timeout. */
    public static final int DEFAULT_RETRIES = 2;
    /**
     * How long a socket replaced after an unclean exchange stays bound, at least: late duplicates
     * trail the answer by a round trip through the server, milliseconds, and a reply to a command
     * that timed out by the server's backlog.
     */
    public static final Duration LINGER = Duration.ofSeconds(1);
    /** Replaced sockets kept bound at once; past it the oldest is closed early. */
    static final int MAX_LINGERING = 64;

    private final InetSocketAddress server;
    private final long timeoutNanos;
    private final long lingerNanos;
    /** Replaced sockets still bound, oldest first; guarded by itself (disconnect() runs unsynchronized). */
    private final ArrayDeque<Lingering> lingering = new ArrayDeque<>();
    private final ByteBuffer drainBuffer = ByteBuffer.allocate(UdpMailboxDatagram.MAX_REPLY_SIZE + 1);
    private final int retries;
    private final AtomicLong retransmissions = new AtomicLong();
    private final AtomicLong ignoredReplies = new AtomicLong();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(UdpMailboxDatagram.MAX_REPLY_SIZE + 1);
    private volatile Link link;
    /** The last request sent from the current socket, which the server remembers for that port. */
    private byte[] lastDatagram;

    private record Lingering(Link link, long sinceNanos) {}

    /** One socket and its selector. */
    private record Link(DatagramChannel channel, Selector selector) {
        static Link open(InetSocketAddress server) throws IOException {
            DatagramChannel channel = DatagramChannel.open(server.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            try {
                channel.configureBlocking(false);
                channel.bind(null);
                Selector selector = Selector.open();
                channel.register(selector, SelectionKey.OP_READ);
                return new Link(channel, selector);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        void close() {
            try {
                selector.close();
            } catch (IOException ignored) {
                // releasing: nothing to report
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // releasing: nothing to report
            }
        }
    }

    /**
     * @param server the server's address, resolved
     * @param timeout how long to wait for the reply to one transmission
     * @param retries how many times an unanswered request is sent again (0: never)
     */
    public UdpMailboxDriver(InetSocketAddress server, Duration timeout, int retries) {
        this.server = Objects.requireNonNull(server, "server");
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("server address " + server + " is unresolved");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        this.timeoutNanos = timeout.toNanos();
        this.lingerNanos = Math.max(timeoutNanos, LINGER.toNanos());
        this.retries = retries;
    }

    public UdpMailboxDriver(InetSocketAddress server) {
        this(server, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
    }

    @Override
    public String name() {
        return "udp " + server.getAddress().getHostAddress() + ":" + server.getPort();
    }

    /** Requests sent again because the previous transmission went unanswered. */
    public long retransmissions() {
        return retransmissions.get();
    }

    /**
     * Datagrams ignored: while waiting, those from another address or neither a verified response
     * nor a failure reply; and the late ones a replaced socket caught before it was closed.
     */
    public long ignoredReplies() {
        return ignoredReplies.get();
    }

    @Override
    public synchronized void connect() {
        if (link != null) {
            return;
        }
        try {
            link = Link.open(server);
        } catch (IOException e) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, name() + ": cannot open a UDP socket: " + e.getMessage(), e);
        }
    }

    @Override
    public void disconnect() {
        Link l = link;
        link = null;
        if (l != null) {
            l.close();
        }
        synchronized (lingering) {
            while (!lingering.isEmpty()) {
                close(lingering.poll().link());
            }
        }
    }

    @Override
    public boolean isReady() {
        Link l = link;
        return l != null && l.channel().isOpen();
    }

    @Override
    public synchronized byte[] sendCommand(int externalCommand, byte[] payload) {
        Link l = link;
        if (l == null) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, name() + " driver is not connected");
        }
        if (payload.length > UdpMailboxDatagram.MAX_SRAM) {
            throw new MailboxException(MailboxException.Kind.BUFFER_OVERFLOW, String.format(
                    "request of %d bytes exceeds the %d bytes of mailbox SRAM a UDP datagram carries", payload.length,
                    UdpMailboxDatagram.MAX_SRAM));
        }
        closeExpired();
        byte[] encoded = new UdpMailboxDatagram(externalCommand, Octets.of(payload)).encode();
        if (Arrays.equals(encoded, lastDatagram)) {
            // The same bytes again are a new command: from this port the server would take them for a retransmission.
            replace(l, false);
            l = link;
            if (l == null) {
                throw new MailboxException(MailboxException.Kind.NOT_READY, name() + ": cannot open a fresh UDP socket");
            }
        }
        lastDatagram = encoded;
        ByteBuffer datagram = ByteBuffer.wrap(encoded);
        boolean clean = false;
        try {
            discardQueued(l);
            for (int transmission = 0; transmission <= retries; transmission++) {
                if (transmission > 0) {
                    retransmissions.incrementAndGet();
                }
                send(l, datagram.rewind(), transmission);
                UdpMailboxDatagram.Reply reply = await(l, transmission);
                if (reply == null) {
                    continue;
                }
                clean = transmission == 0;
                if (reply instanceof UdpMailboxDatagram.Reply.Response response) {
                    return response.frame().toByteArray();
                }
                int code = ((UdpMailboxDatagram.Reply.Failure) reply).errorCode();
                if (code != 0) {
                    throw MailboxException.deviceError(code);
                }
                throw new MailboxException(MailboxException.Kind.INVALID_COMMAND,
                        "the server answered with a failure reply that carries no error code");
            }
            throw new MailboxException(MailboxException.Kind.TIMEOUT, String.format("no reply from %s within %d ms after %d transmission%s",
                    name(), TimeUnit.NANOSECONDS.toMillis(timeoutNanos), retries + 1, retries == 0 ? "" : "s"));
        } finally {
            if (!clean) {
                replace(l, true);
            }
        }
    }

    private void send(Link l, ByteBuffer datagram, int transmission) {
        try {
            if (l.channel().send(datagram, server) == 0) {
                throw new IOException("the socket's send buffer is full");
            }
        } catch (IOException | ClosedSelectorException e) {
            // Nothing reached the server when the first transmission could not be sent.
            throw new MailboxException(transmission == 0 ? MailboxException.Kind.NOT_READY : MailboxException.Kind.COMMUNICATION_ERROR,
                    name() + ": sending failed: " + e.getMessage(), e);
        }
    }

    /** The server's answer to this transmission, or null when the timeout passes without one. */
    private UdpMailboxDatagram.Reply await(Link l, int transmission) {
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return null;
                }
                l.selector().select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
                l.selector().selectedKeys().clear();
                if (!l.channel().isOpen()) {
                    throw new IOException("the socket was closed");
                }
                SocketAddress from;
                while ((from = l.channel().receive(receiveBuffer.clear())) != null) {
                    if (!server.equals(from)) {
                        ignoredReplies.incrementAndGet();
                        continue;
                    }
                    var reply = UdpMailboxDatagram.classifyReply(receiveBuffer.array(), receiveBuffer.position());
                    if (reply instanceof UdpMailboxDatagram.Reply.Invalid) {
                        ignoredReplies.incrementAndGet();
                        continue;
                    }
                    return reply;
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            throw new MailboxException(MailboxException.Kind.COMMUNICATION_ERROR, name() + ": receiving failed after transmission "
                    + (transmission + 1) + ": " + (e.getMessage() == null ? "the socket was closed" : e.getMessage()), e);
        }
    }

    /** Drops whatever arrived since the last exchange: nothing queued before a send can answer it. */
    private void discardQueued(Link l) {
        try {
            while (l.channel().receive(receiveBuffer.clear()) != null) {
                ignoredReplies.incrementAndGet();
            }
        } catch (IOException e) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, name() + ": the socket failed: " + e.getMessage(), e);
        }
    }

    /**
     * A fresh socket instead of {@code old}, so a late reply to the last command does not answer the
     * next one. It is opened while {@code old} is still bound, so it cannot get its port.
     *
     * @param linger whether a late reply may be on its way to {@code old}: it then stays bound a while
     */
    private void replace(Link old, boolean linger) {
        synchronized (this) {
            lastDatagram = null;
            if (link == old) {
                try {
                    link = Link.open(server);
                } catch (IOException e) {
                    link = null; // not ready: the next connect() tries again
                }
            }
        }
        if (!linger || link == null) {
            old.close(); // nothing late on its way, or the driver is disconnected
            return;
        }
        synchronized (lingering) {
            lingering.add(new Lingering(old, System.nanoTime()));
            if (lingering.size() > MAX_LINGERING) {
                close(lingering.poll().link());
            }
        }
    }

    /** Closes the replaced sockets whose time is up. */
    private void closeExpired() {
        long now = System.nanoTime();
        synchronized (lingering) {
            while (!lingering.isEmpty() && now - lingering.peek().sinceNanos() >= lingerNanos) {
                close(lingering.poll().link());
            }
        }
    }

    /** Closes a replaced socket, counting what arrived on it since as ignored; caller holds {@link #lingering}. */
    private void close(Link l) {
        try {
            while (l.channel().isOpen() && l.channel().receive(drainBuffer.clear()) != null) {
                ignoredReplies.incrementAndGet();
            }
        } catch (IOException e) {
            // closing anyway
        }
        l.close();
    }

    /** Replaced sockets still bound, for tests. */
    int lingeringSockets() {
        synchronized (lingering) {
            return lingering.size();
        }
    }
}
