package org.caliptra.util.host.transport.mctp;

import java.util.Objects;
import org.caliptra.util.host.transport.BufferedTransport;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.host.transport.TransportException.Kind;
import org.caliptra.util.host.transport.TransportException.Phase;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;
import org.caliptra.util.protocol.mctp.VdmMessage;

/**
 * The MCTP-VDM transport (spec/hostlib.md §1.4, §2.5): looks the internal command id up in its
 * {@link VdmCommandTable}, frames the mapping's payload as a Caliptra vendor-defined request (IANA
 * 42623, control 0x80, command code), exchanges it through an {@link MctpVdmDriver}, validates the
 * response and converts its data back to the internal struct.
 *
 * <p>A response is accepted only when it is at least 10 bytes, names OCP's IANA enterprise id, has
 * the request bit clear, <b>echoes the command code that was sent</b>, and carries a known
 * completion code. The reference checks neither the IANA id nor the echo; this transport is
 * stricter, so a response to another request (a stale packet, a confused responder) is an
 * INVALID_MESSAGE rather than data decoded as the wrong command. A known non-zero completion code
 * is a DEVICE_ERROR that keeps the code ({@link TransportException#vdmCompletionCode()}) and its
 * name; the reference collapses it into ConnectionFailed.
 */
public final class MctpVdmTransport extends BufferedTransport {
    private final MctpVdmDriver driver;
    private final VdmCommandTable table;

    public MctpVdmTransport(MctpVdmDriver driver, VdmCommandTable table) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public String name() {
        return "mctp-vdm/" + driver.name();
    }

    @Override
    protected void connectDriver() {
        try {
            driver.connect();
        } catch (TransportException e) {
            throw e.kind() == Kind.CONNECTION_FAILED ? e : connectionFailed(e.getMessage(), e);
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
        return "MCTP-VDM responder";
    }

    @Override
    protected byte[] exchange(int commandId, byte[] internalRequest) {
        VdmCommandMapping mapping = table.lookup(commandId).orElseThrow(() -> table.table().unsupported(name(), commandId));
        byte[] request;
        try {
            request = new VdmMessage.Request(mapping.vdmCommand(), Octets.of(mapping.toVdmPayload(internalRequest))).encode();
        } catch (ProtocolException e) {
            throw new TransportException(Kind.INVALID_MESSAGE, Phase.BEFORE_SEND, mapping.name() + " request: " + e.getMessage(), e);
        }
        byte[] response;
        try {
            response = driver.sendRequest(request);
        } catch (TransportException e) {
            throw e.withContext(mapping.name());
        }
        return internalResponse(mapping, response);
    }

    private static byte[] internalResponse(VdmCommandMapping mapping, byte[] message) {
        String what = mapping.name() + " response";
        VdmMessage.Response response;
        try {
            response = VdmMessage.Response.decode(message);
        } catch (ProtocolException e) {
            throw invalid(mapping.name() + ": " + e.getMessage(), e);
        }
        if (response.command() != mapping.vdmCommand()) {
            throw invalid(String.format("%s: command code 0x%02X echoed, 0x%02X was sent", what, response.command(),
                    mapping.vdmCommand()), null);
        }
        int cc = response.completionCode();
        if (VdmCompletionCode.fromValue(cc).isEmpty()) {
            throw invalid(what + ": " + VdmCompletionCode.describe(cc), null);
        }
        if (!response.succeeded()) {
            throw TransportException.vdmDeviceError(mapping.name(), cc);
        }
        try {
            return mapping.toInternalResponse(response.data().toByteArray());
        } catch (ProtocolException e) {
            throw invalid(e.getMessage(), e);
        }
    }

    private static TransportException invalid(String message, Throwable cause) {
        return new TransportException(Kind.INVALID_MESSAGE, Phase.AFTER_SEND, message, cause);
    }
}
