package org.caliptra.util.host.transport.mailbox;

import java.util.Objects;
import org.caliptra.util.protocol.MailboxPort;
import org.caliptra.util.protocol.MailboxReply;

/** Drives any {@link MailboxPort} in the same process, such as an embedded emulated device. */
public final class InProcessMailboxDriver implements MailboxDriver {
    private final MailboxPort port;
    private volatile boolean connected;

    public InProcessMailboxDriver(MailboxPort port) {
        this.port = Objects.requireNonNull(port, "port");
    }

    @Override
    public String name() {
        return "in-process";
    }

    @Override
    public byte[] sendCommand(int externalCommand, byte[] payload) {
        if (!connected) {
            throw new MailboxException(MailboxException.Kind.COMMUNICATION_ERROR, "in-process driver is not connected");
        }
        MailboxReply reply = port.execute(externalCommand, payload);
        if (reply instanceof MailboxReply.Data data) {
            return data.bytes();
        }
        if (reply instanceof MailboxReply.Complete) {
            return new byte[0];
        }
        if (reply instanceof MailboxReply.Failure failure) {
            throw MailboxException.deviceError(failure.errorCode());
        }
        if (reply instanceof MailboxReply.Timeout timeout) {
            throw new MailboxException(MailboxException.Kind.TIMEOUT,
                    "the device did not answer within " + timeout.polls() + " polls of its status");
        }
        // What remains is MailboxReply.Busy: another requester holds the lock, nothing was sent.
        throw new MailboxException(MailboxException.Kind.BUSY, "the device mailbox is locked by another requester");
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void connect() {
        connected = true;
    }

    @Override
    public void disconnect() {
        connected = false;
    }
}
