package org.caliptra.util.host.transport.mailbox;

import java.util.Objects;
import org.caliptra.util.protocol.MailboxPort;

/** Drives any {@link MailboxPort} in the same process, such as an embedded emulated device. */
public final class InProcessMailboxDriver implements MailboxDriver {
    private final MailboxPort port;
    private final boolean selfBounded;
    private volatile boolean connected;

    public InProcessMailboxDriver(MailboxPort port) {
        this(port, false);
    }

    private InProcessMailboxDriver(MailboxPort port, boolean selfBounded) {
        this.port = Objects.requireNonNull(port, "port");
        this.selfBounded = selfBounded;
    }

    /**
     * A driver for a port that answers or gives up within a bound of its own, such as an embedded
     * emulated device (a fixed number of status polls): sessions run its calls on the caller's
     * thread ({@link org.caliptra.util.host.transport.Transport#callsAreSelfBounded}).
     */
    public static InProcessMailboxDriver selfBounded(MailboxPort port) {
        return new InProcessMailboxDriver(port, true);
    }

    @Override
    public boolean callsAreSelfBounded() {
        return selfBounded;
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
