package org.caliptra.util.host.transport.socket;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;
import org.caliptra.util.host.transport.mctp.MctpVdmDriver;
import org.caliptra.util.protocol.Octets;
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

/**
 * An MCTP-VDM driver over the MCTP-over-I3C socket (spec/hostlib.md §4.1–§4.4;
 * docs/protocols.md), the reference MCU emulator's and {@code caliptra-util emulator serve
 * --i3c-port}'s. As the I3C controller and MCTP endpoint 0x08 it sends each request to the device's
 * endpoint 0 at target {@code targetAddress}:
 * <ul>
 *   <li>packetized into 64-byte packets (SOM first, EOM last, sequence = index mod 4), with TO = 1
 *       and a tag from a per-connection counter 0..7 advanced for every request, each packet a
 *       private write ending in its PEC;
 *   <li>in the same flush, one private read: it needs no IBI (the reference's test client reads
 *       without one too), and a target that answers requests at once has the first response packet
 *       queued by the time the read reaches it, so the exchange takes one round trip, not two;
 *   <li>then, until the deadline: on each IBI from the target a private read, unless one of this
 *       connection's reads is still unanswered (that read takes the announced packet; a target
 *       answers reads in order, each with its next packet or with no data). Each read's PEC is
 *       verified and stripped, and the packet goes to a reassembler that takes only packets to
 *       EID 8 with TO = 0 and the request's tag, in sequence. Anything else — a wrong PEC, another
 *       tag, a stray packet — is dropped and counted ({@link #droppedPackets()}), and the wait goes on.
 * </ul>
 * The deadline is wall-clock time: one bound for the whole exchange, whatever the server's pace.
 * When it passes the exchange fails with TIMEOUT and the connection is closed, so nothing late from
 * it can be taken for a later answer; the next connect opens a fresh one. A connection the server
 * breaks or that carries a malformed frame is closed the same way. {@link #disconnect()} from
 * another thread aborts a wait in progress.
 */
public final class I3cSocketMctpDriver implements MctpVdmDriver {
    /** The first dynamic address a controller assigns, which the reference emulator's target gets. */
    public static final int DEFAULT_TARGET_ADDRESS = 0x08;
    /** This endpoint's EID, the reference test client's (spec/hostlib.md §4.1). */
    public static final int HOST_EID = 0x08;
    /** The device's EID before a bus owner assigns one. */
    public static final int DEVICE_EID = 0x00;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final InetSocketAddress server;
    private final int targetAddress;
    private final long timeoutNanos;
    private final byte[] privateRead;
    private final AtomicLong droppedPackets = new AtomicLong();
    private volatile Socket socket;
    private DataInputStream in;
    private OutputStream out;
    private int nextTag;
    /** Private reads sent on this connection and not yet answered. */
    private int readsOutstanding;

    /**
     * @param server the server's address, resolved
     * @param targetAddress the target's dynamic I3C address (7 bits)
     * @param timeout the wall-clock bound on one exchange, from the first write to the last packet
     */
    public I3cSocketMctpDriver(InetSocketAddress server, int targetAddress, Duration timeout) {
        this.server = Objects.requireNonNull(server, "server");
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("server address " + server + " is unresolved");
        }
        if (targetAddress < 0 || targetAddress > 0x7F) {
            throw new IllegalArgumentException("an I3C address is 7 bits: " + targetAddress);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.targetAddress = targetAddress;
        this.timeoutNanos = timeout.toNanos();
        this.privateRead = I3cCommandFrame.privateRead(targetAddress, 0).encode();
    }

    public I3cSocketMctpDriver(InetSocketAddress server) {
        this(server, DEFAULT_TARGET_ADDRESS, DEFAULT_TIMEOUT);
    }

    @Override
    public String name() {
        return String.format("i3c %s:%d target 0x%02X", server.getAddress().getHostAddress(), server.getPort(), targetAddress);
    }

    /** Packets dropped while waiting for responses: wrong PEC, tag, sequence, or not a packet at all. */
    public long droppedPackets() {
        return droppedPackets.get();
    }

    @Override
    public synchronized void connect() {
        if (socket != null && !socket.isClosed()) {
            return;
        }
        var s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(server, (int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(timeoutNanos))));
            // Buffered: a frame's header and data usually arrive together and are taken with one read.
            in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
            out = new BufferedOutputStream(s.getOutputStream());
        } catch (IOException e) {
            close(s);
            throw new TransportException(Kind.CONNECTION_FAILED, Phase.BEFORE_SEND, name() + ": cannot connect: " + e.getMessage(), e);
        }
        nextTag = 0;
        readsOutstanding = 0;
        socket = s;
    }

    @Override
    public void disconnect() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            close(s);
        }
    }

    @Override
    public boolean isReady() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    @Override
    public synchronized byte[] sendRequest(byte[] vdmRequest) {
        Socket s = socket;
        if (s == null) {
            throw new TransportException(Kind.DISCONNECTED, Phase.BEFORE_SEND, name() + " is not connected", null);
        }
        Octets body = MctpMessage.vdmBody(vdmRequest);
        if (body.length() > MctpMessage.MAX_VDM_BODY) {
            throw new TransportException(Kind.INVALID_MESSAGE, Phase.BEFORE_SEND, String.format("%s: a %d-byte VDM request exceeds the "
                    + "%d-byte message bound", name(), vdmRequest.length, MctpMessage.MAX_VDM_BODY - 1), null);
        }
        int tag = nextTag;
        nextTag = (nextTag + 1) & 7;
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            for (MctpPacket packet : MctpPacketizer.packetize(DEVICE_EID, HOST_EID, true, tag, body)) {
                out.write(I3cCommandFrame.mctpWrite(targetAddress, packet.encode()).encode());
            }
            out.write(privateRead);
            out.flush();
            readsOutstanding++;
        } catch (IOException e) {
            throw broken(s, Kind.SEND_FAILED, "sending the request failed: " + e.getMessage(), e);
        }
        var reassembler = new MctpReassembler(HOST_EID, MctpReassembler.Role.REQUESTER, VdmMessage.MCTP_MESSAGE_TYPE,
                MctpMessage.MAX_VDM_BODY, why -> droppedPackets.incrementAndGet());
        reassembler.expectTag(tag);
        while (true) {
            I3cTargetFrame frame = readFrame(s, deadline, tag);
            if (frame.fromAddress() != targetAddress) {
                continue;
            }
            if (frame.isIbi()) {
                if (readsOutstanding == 0) {
                    try {
                        out.write(privateRead);
                        out.flush();
                    } catch (IOException e) {
                        throw broken(s, Kind.RECEIVE_FAILED, "requesting a private read failed: " + e.getMessage(), e);
                    }
                    readsOutstanding++;
                }
                continue;
            }
            if (readsOutstanding > 0) {
                readsOutstanding--;
            }
            if (frame.data().length() == 0) {
                continue; // the target had nothing to read
            }
            Optional<MctpMessage> message = accept(reassembler, frame.data().toByteArray());
            if (message.isPresent()) {
                return message.get().content();
            }
        }
    }

    private Optional<MctpMessage> accept(MctpReassembler reassembler, byte[] data) {
        byte[] packet;
        try {
            packet = Pec.openRead(targetAddress, data);
        } catch (ProtocolException e) {
            droppedPackets.incrementAndGet();
            return Optional.empty();
        }
        if (packet.length < MctpTransportHeader.SIZE) {
            droppedPackets.incrementAndGet();
            return Optional.empty();
        }
        return reassembler.accept(MctpPacket.decode(packet));
    }

    /** The next frame, or a TIMEOUT when the deadline passes first. */
    private I3cTargetFrame readFrame(Socket s, long deadline, int tag) {
        try {
            byte[] header = new byte[I3cTargetFrame.HEADER_SIZE];
            readFully(s, header, deadline, tag);
            I3cTargetFrame.Header h = I3cTargetFrame.decodeHeader(header, 0);
            byte[] frame = Arrays.copyOf(header, header.length + h.descriptor().dataLength());
            readFully(s, frame, header.length, deadline, tag);
            return I3cTargetFrame.decode(frame);
        } catch (ProtocolException e) {
            throw broken(s, Kind.RECEIVE_FAILED, "the server sent a malformed frame: " + e.getMessage(), e);
        }
    }

    private void readFully(Socket s, byte[] into, long deadline, int tag) {
        readFully(s, into, 0, deadline, tag);
    }

    private void readFully(Socket s, byte[] into, int from, long deadline, int tag) {
        InputStream stream = in;
        int at = from;
        try {
            while (at < into.length) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new SocketTimeoutException();
                }
                s.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remaining))));
                int n = stream.read(into, at, into.length - at);
                if (n < 0) {
                    throw new EOFException();
                }
                at += n;
            }
        } catch (SocketTimeoutException e) {
            throw broken(s, Kind.TIMEOUT, String.format("no complete response to tag %d within %d ms", tag,
                    TimeUnit.NANOSECONDS.toMillis(timeoutNanos)), e);
        } catch (EOFException e) {
            throw broken(s, Kind.RECEIVE_FAILED, "the server closed the connection", e);
        } catch (IOException e) {
            throw broken(s, Kind.RECEIVE_FAILED, "receiving failed: " + (s.isClosed() ? "the connection was closed" : e.getMessage()), e);
        }
    }

    /** Closes the connection, which can no longer be trusted to be in step, and says why. */
    private TransportException broken(Socket s, Kind kind, String why, Throwable cause) {
        if (socket == s) {
            socket = null;
        }
        close(s);
        return new TransportException(kind, Phase.AFTER_SEND, name() + ": " + why, cause);
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // releasing: nothing to report
        }
    }
}
