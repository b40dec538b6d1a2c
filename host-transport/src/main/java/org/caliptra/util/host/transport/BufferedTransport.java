package org.caliptra.util.host.transport;

import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;

/**
 * The shape both reference transports share (spec/hostlib.md §1.3–§1.4): {@link #send} runs the
 * whole exchange through a driver and buffers the internal response, {@link #receive} hands it out
 * once; both refuse when not connected. Subclasses supply the driver's lifecycle and the exchange.
 */
public abstract class BufferedTransport implements Transport {
    private boolean connected;
    private byte[] pending;

    /** Connects the driver; a failure is a CONNECTION_FAILED {@link TransportException} before send. */
    protected abstract void connectDriver();

    protected abstract boolean driverReady();

    protected abstract void disconnectDriver();

    /** What is not ready, for the connect error: "mailbox", "MCTP-VDM responder". */
    protected abstract String peerName();

    /** One command's round trip: internal request in, internal response out. */
    protected abstract byte[] exchange(int commandId, byte[] internalRequest);

    /** A driver failure while connecting, as the CONNECTION_FAILED error {@link #connect} throws. */
    protected final TransportException connectionFailed(String detail, Throwable cause) {
        return new TransportException(Kind.CONNECTION_FAILED, Phase.BEFORE_SEND, name() + ": " + detail, cause);
    }

    @Override
    public final void connect() {
        // The driver connects first and is asked whether it is ready after: a driver whose link
        // dropped is not ready until connect() brings it back, so asking before would make a
        // broken transport impossible to reconnect.
        connectDriver();
        if (!driverReady()) {
            disconnectDriver();
            throw connectionFailed(peerName() + " not ready", null);
        }
        connected = true;
    }

    @Override
    public final void disconnect() {
        if (connected) {
            connected = false;
            pending = null;
            disconnectDriver();
        }
    }

    @Override
    public final boolean isConnected() {
        return connected && driverReady();
    }

    @Override
    public final void send(int commandId, byte[] internalRequest) {
        requireConnected();
        pending = null;
        pending = exchange(commandId, internalRequest);
    }

    @Override
    public final byte[] receive() {
        requireConnected();
        byte[] out = pending;
        if (out == null) {
            throw new TransportException(Kind.RECEIVE_FAILED, name() + ": no response is waiting");
        }
        pending = null;
        return out;
    }

    private void requireConnected() {
        if (!connected) {
            throw new TransportException(Kind.DISCONNECTED, name() + ": not connected");
        }
    }
}
