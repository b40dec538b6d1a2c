package org.caliptra.util.host.transport.mctp;

/**
 * How one internal command travels as a Caliptra MCTP vendor-defined message (spec/hostlib.md
 * §2.5): its VDM command code and the conversions between the session's internal structs and the
 * VDM payloads. The VDM header and completion code are {@link MctpVdmTransport}'s business.
 */
public interface VdmCommandMapping {
    /** Internal command id (spec/hostlib.md §2.1), e.g. 0x0001 for GetFirmwareVersion. */
    int commandId();

    /** The VDM command byte, e.g. 0x01 FirmwareVersion. */
    int vdmCommand();

    /** Human name for messages, e.g. "FirmwareVersion (VDM 0x01)". */
    String name();

    /** Internal request bytes → the request payload after the 6-byte VDM header. */
    byte[] toVdmPayload(byte[] internalRequest);

    /**
     * A successful response's data (after the completion code) → internal response bytes.
     *
     * @throws org.caliptra.util.protocol.ProtocolException when the data has the wrong shape
     */
    byte[] toInternalResponse(byte[] responseData);
}
