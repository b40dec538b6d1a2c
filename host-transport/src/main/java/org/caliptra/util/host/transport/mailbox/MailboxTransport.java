package org.caliptra.util.host.transport.mailbox;

import java.util.Objects;
import org.caliptra.util.host.transport.BufferedTransport;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mailbox.MailboxFrame;

/**
 * The mailbox transport (spec/hostlib.md §1.3): looks the internal command id up in its
 * {@link MailboxCommandTable}, seals the request fields into a frame ({@code checksum ‖ fields}),
 * hands it to a {@link MailboxDriver}, opens the response frame (checksum, fips_status) and converts
 * the response back to the internal struct.
 *
 * <p>Unlike the reference, a device error keeps its Caliptra code all the way up, and every failure
 * says whether the request may have reached the device ({@link TransportException#phase()}).
 */
public final class MailboxTransport extends BufferedTransport {
    private final MailboxDriver driver;
    private final MailboxCommandTable table;

    public MailboxTransport(MailboxDriver driver, MailboxCommandTable table) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public String name() {
        return "mailbox/" + driver.name();
    }

    @Override
    protected void connectDriver() {
        try {
            driver.connect();
        } catch (MailboxException e) {
            throw connectionFailed(e.getMessage(), e);
        }
    }

    @Override
    public boolean callsAreSelfBounded() {
        return driver.callsAreSelfBounded();
    }

    @Override
    protected boolean driverReady() {
        return driver.isReady();
    }

    @Override
    protected void disconnectDriver() {
        driver.disconnect();
    }

    @Override
    protected String peerName() {
        return "mailbox";
    }

    @Override
    protected byte[] exchange(int commandId, byte[] internalRequest) {
        MailboxCommandMapping mapping = table.lookup(commandId).orElseThrow(() -> table.table().unsupported(name(), commandId));
        byte[] fields;
        try {
            fields = mapping.toExternalRequest(internalRequest);
        } catch (ProtocolException e) {
            throw new TransportException(Kind.INVALID_MESSAGE, Phase.BEFORE_SEND, mapping.name() + " request: " + e.getMessage(), e);
        }
        byte[] response;
        try {
            response = driver.sendCommand(mapping.externalCommand(), MailboxFrame.sealRequest(mapping.externalCommand(), fields));
        } catch (MailboxException e) {
            throw translate(mapping, e);
        } catch (ProtocolException e) {
            // A driver over registers reports a device that breaks the mailbox protocol this way.
            throw new TransportException(Kind.INVALID_MESSAGE, Phase.AFTER_SEND, mapping.name() + ": " + e.getMessage(), e);
        }
        try {
            return mapping.toInternalResponse(MailboxFrame.openResponse(response, mapping.name() + " response"));
        } catch (ProtocolException e) {
            throw new TransportException(Kind.INVALID_MESSAGE, Phase.AFTER_SEND, e.getMessage(), e);
        }
    }

    private TransportException translate(MailboxCommandMapping mapping, MailboxException e) {
        String what = mapping.name() + ": " + e.getMessage();
        return switch (e.kind()) {
            case DEVICE_ERROR -> TransportException.deviceError(mapping.name(), e.deviceErrorCode());
            case TIMEOUT -> new TransportException(Kind.TIMEOUT, Phase.AFTER_SEND, what, e);
            case BUSY -> new TransportException(Kind.BUSY, Phase.BEFORE_SEND, what, e);
            case INVALID_COMMAND -> new TransportException(Kind.INVALID_MESSAGE, Phase.AFTER_SEND, what, e);
            case BUFFER_OVERFLOW -> new TransportException(Kind.BUFFER_ERROR, Phase.AFTER_SEND, what, e);
            case NOT_READY -> new TransportException(Kind.CONNECTION_FAILED, Phase.BEFORE_SEND, what, e);
            case COMMUNICATION_ERROR -> new TransportException(Kind.CONNECTION_FAILED, Phase.AFTER_SEND, what, e);
        };
    }
}
