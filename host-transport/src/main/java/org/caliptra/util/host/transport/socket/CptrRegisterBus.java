package org.caliptra.util.host.transport.socket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.util.Objects;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.RegisterBus;
import org.caliptra.util.protocol.socket.CptrMessage;
import org.caliptra.util.protocol.socket.FrameHeader;

/**
 * A remote device's registers over the "CPTR" framing (docs/protocols.md), on TCP or a Unix
 * socket: each {@link #read32}/{@link #write32} is one APB_READ/APB_WRITE and waits for its
 * APB_RDATA/APB_WACK, one request in flight at a time. With it, soc-driver's register-level mailbox
 * driver and boot flow run against a served device as against an embedded one.
 *
 * <p>A failure is an {@link UncheckedIOException} (the socket: refused, closed, silent beyond the
 * read timeout) or a {@link ProtocolException} (a reply of the wrong magic, version, command or
 * length), each naming the endpoint and the access. Either leaves the stream where the two sides no
 * longer agree on frame boundaries, so the connection is closed and every later access fails at
 * once ({@link #isOpen()} says so); open a new bus to go on.
 */
public final class CptrRegisterBus implements RegisterBus, AutoCloseable {
    private final String peer;
    private final FramedSocket socket;

    private CptrRegisterBus(String peer, FramedSocket socket) {
        this.peer = peer;
        this.socket = socket;
    }

    /**
     * Connects to a CPTR endpoint.
     *
     * @param peer how messages name it, e.g. "apb 127.0.0.1:40001"
     * @throws UncheckedIOException naming {@code peer} when no connection is made within the connect timeout
     */
    public static CptrRegisterBus connect(SocketAddress address, String peer, SocketTimeouts timeouts) {
        Objects.requireNonNull(address, "address");
        try {
            return new CptrRegisterBus(peer, FramedSocket.open(address, peer, timeouts));
        } catch (IOException e) {
            throw new UncheckedIOException(FramedSocket.describe(e), e);
        }
    }

    public String peer() {
        return peer;
    }

    /** Whether the connection is still usable: not closed, and no access has failed on it. */
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public synchronized int read32(int address) {
        var reply = exchange(new CptrMessage.ApbRead(address), CptrMessage.APB_RDATA, "APB_READ", address);
        return ((CptrMessage.ApbReadData) reply).data();
    }

    @Override
    public synchronized void write32(int address, int value) {
        exchange(new CptrMessage.ApbWrite(address, value), CptrMessage.APB_WACK, "APB_WRITE", address);
    }

    private CptrMessage.Reply exchange(CptrMessage.Request request, int replyCommand, String what, int address) {
        if (!socket.isOpen()) {
            throw new UncheckedIOException(peer + ": the connection is closed (" + access(what, address) + " not sent)",
                    new IOException("connection closed"));
        }
        try {
            socket.writeFully(request.encode());
            byte[] head = socket.readFully(FrameHeader.SIZE, () -> "the " + access(what, address) + " reply header");
            FrameHeader header = FrameHeader.decode(head, 0);
            CptrMessage.REPLIES.checkHeader(header);
            if (header.command() != replyCommand) {
                throw new ProtocolException(String.format("the reply to %s is command %d, expected %d", access(what, address),
                        header.command(), replyCommand));
            }
            byte[] payload = socket.readFully((int) header.payloadLength(), () -> "the " + access(what, address) + " reply");
            return CptrMessage.REPLIES.decodePayload(header, payload);
        } catch (IOException e) {
            socket.close();
            throw new UncheckedIOException(FramedSocket.describe(e), e);
        } catch (ProtocolException e) {
            socket.close();
            throw new ProtocolException(peer + ": " + e.getMessage());
        }
    }

    /** How messages name an access, e.g. "APB_READ 0x3002001C"; built only for a message. */
    private static String access(String what, int address) {
        return String.format("%s 0x%08X", what, address);
    }

    /** Closes the connection; an access in progress on another thread fails. */
    @Override
    public void close() {
        socket.close();
    }
}
