package org.caliptra.util.host.transport.mctp;

import java.util.Objects;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mctp.VdmPort;

/**
 * Exchanges vendor-defined messages with any {@link VdmPort} in the same process, such as an
 * embedded emulated device's MCTP-VDM responder: no packets, tags or PEC, just the messages.
 */
public final class InProcessMctpVdmDriver implements MctpVdmDriver {
    private final VdmPort port;
    private final boolean selfBounded;
    private volatile boolean connected;

    public InProcessMctpVdmDriver(VdmPort port) {
        this(port, false);
    }

    private InProcessMctpVdmDriver(VdmPort port, boolean selfBounded) {
        this.port = Objects.requireNonNull(port, "port");
        this.selfBounded = selfBounded;
    }

    /**
     * A driver for a port that answers or gives up within a bound of its own, such as an embedded
     * emulated device (a fixed number of status polls): sessions run its calls on the caller's
     * thread ({@link org.caliptra.util.host.transport.Transport#callsAreSelfBounded}).
     */
    public static InProcessMctpVdmDriver selfBounded(VdmPort port) {
        return new InProcessMctpVdmDriver(port, true);
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
    public byte[] sendRequest(byte[] vdmRequest) {
        if (!connected) {
            throw new TransportException(Kind.DISCONNECTED, Phase.BEFORE_SEND, "in-process MCTP-VDM driver is not connected", null);
        }
        try {
            return port.exchangeVdm(vdmRequest.clone());
        } catch (ProtocolException e) {
            // The port refused the message as malformed instead of answering with a completion code.
            throw new TransportException(Kind.INVALID_MESSAGE, Phase.AFTER_SEND, "the device rejected the request: " + e.getMessage(), e);
        }
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
