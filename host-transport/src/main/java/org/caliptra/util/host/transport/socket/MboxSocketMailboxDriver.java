package org.caliptra.util.host.transport.socket;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;
import java.util.function.Supplier;
import org.caliptra.util.host.transport.mailbox.MailboxDriver;
import org.caliptra.util.host.transport.mailbox.MailboxException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.socket.FrameHeader;
import org.caliptra.util.protocol.socket.MboxMessage;
import org.caliptra.util.protocol.socket.SocketCodec;

/**
 * A served device's mailbox over the "MBOX" framing (docs/protocols.md), on TCP or a Unix socket:
 * each command is one MBOX_EXECUTE answered by one MBOX_RESPONSE, which the server runs as one
 * whole mailbox transaction.
 *
 * <p>The response status is the mailbox's CMD_STATUS: DATA_READY (1) or CMD_COMPLETE (2) give the
 * response bytes (possibly none); CMD_FAILURE (3) with four bytes is the device's error code
 * (DEVICE_ERROR), with none a device that did not answer in time (TIMEOUT); CMD_BUSY (0) means the
 * mailbox was locked by another requester and nothing ran (BUSY). A response frame is refused before
 * its payload is read when payload_len is below 8 or beyond this mailbox's size; a request larger
 * than the mailbox is refused before anything is sent.
 *
 * <p>Any failure of the socket or the framing closes the connection (the two sides no longer agree
 * on frame boundaries); the driver is then not ready until {@link #connect()} opens a new one.
 */
public final class MboxSocketMailboxDriver implements MailboxDriver {
    private final SocketAddress address;
    private final String peer;
    private final SocketTimeouts timeouts;
    private final int mailboxBytes;
    private final SocketCodec<MboxMessage.Response> responses;
    private volatile FramedSocket socket;

    /**
     * @param peer how messages name the endpoint, e.g. "mbox unix:/run/caliptra-mbox.sock"
     * @param mailboxBytes the device mailbox's SRAM: the largest request sent and response accepted
     */
    public MboxSocketMailboxDriver(SocketAddress address, String peer, SocketTimeouts timeouts, int mailboxBytes) {
        this.address = Objects.requireNonNull(address, "address");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.responses = MboxMessage.responses(mailboxBytes);
        this.mailboxBytes = mailboxBytes;
    }

    @Override
    public String name() {
        return peer;
    }

    @Override
    public synchronized byte[] sendCommand(int externalCommand, byte[] payload) {
        FramedSocket s = socket;
        if (s == null || !s.isOpen()) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, peer + " is not connected");
        }
        if (payload.length > mailboxBytes) {
            throw new MailboxException(MailboxException.Kind.BUFFER_OVERFLOW, String.format(
                    "request of %d bytes exceeds the %d-byte mailbox of %s", payload.length, mailboxBytes, peer));
        }
        MboxMessage.Response response;
        Supplier<String> what = () -> String.format("the MBOX_RESPONSE to command 0x%08X", externalCommand);
        try {
            s.writeFully(MboxMessage.Execute.of(externalCommand, payload).encode());
            FrameHeader header = FrameHeader.decode(s.readFully(FrameHeader.SIZE, () -> what.get() + " header"), 0);
            responses.checkHeader(header);
            response = responses.decodePayload(header, s.readFully((int) header.payloadLength(), what));
        } catch (SocketTimeoutException e) {
            s.close();
            throw new MailboxException(MailboxException.Kind.TIMEOUT, e.getMessage(), e);
        } catch (IOException e) {
            s.close();
            throw new MailboxException(MailboxException.Kind.COMMUNICATION_ERROR, FramedSocket.describe(e), e);
        } catch (ProtocolException e) {
            s.close();
            throw new ProtocolException(peer + ": " + e.getMessage());
        }
        Octets data = response.data();
        return switch (response.status()) {
            case DATA_READY, CMD_COMPLETE -> data.toByteArray();
            case CMD_FAILURE -> {
                if (data.length() == 0) {
                    throw new MailboxException(MailboxException.Kind.TIMEOUT, String.format(
                            "%s: the device did not answer command 0x%08X in time (CMD_FAILURE without an error code)", peer,
                            externalCommand));
                }
                if (data.length() != 4) {
                    throw new ProtocolException(String.format("%s: CMD_FAILURE for command 0x%08X with %d bytes, expected the "
                            + "4-byte error code", peer, externalCommand, data.length()));
                }
                throw MailboxException.deviceError(ByteBuffer.wrap(data.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getInt());
            }
            case CMD_BUSY -> throw new MailboxException(MailboxException.Kind.BUSY,
                    peer + ": the device mailbox is locked by another requester; nothing ran");
        };
    }

    @Override
    public boolean isReady() {
        FramedSocket s = socket;
        return s != null && s.isOpen();
    }

    /** Opens the connection, unless the one open is still usable. */
    @Override
    public void connect() {
        if (isReady()) {
            return;
        }
        disconnect();
        try {
            socket = FramedSocket.open(address, peer, timeouts);
        } catch (IOException e) {
            throw new MailboxException(MailboxException.Kind.NOT_READY, FramedSocket.describe(e), e);
        }
    }

    /** Closes the connection; a command in progress on another thread fails. */
    @Override
    public void disconnect() {
        FramedSocket s = socket;
        socket = null;
        if (s != null) {
            s.close();
        }
    }
}
