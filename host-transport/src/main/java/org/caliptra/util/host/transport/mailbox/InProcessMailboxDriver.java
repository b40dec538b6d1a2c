package org.caliptra.util.host.transport.mailbox;

import java.util.Objects;
import org.caliptra.util.protocol.MailboxPort;

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
            throw new MailboxException(MailboxException.Kind.NOT_READY, "in-process driver is not connected");
        }
        return MailboxReplies.responseOf(port.execute(externalCommand, payload));
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
