package org.caliptra.util.host.transport.mctp;

/**
 * Moves one Caliptra vendor-defined message to a device and back (the reference MctpVdmDriver):
 * both messages start at the IANA enterprise id, without the MCTP message-type byte. Packetization,
 * tags and PEC, where the medium has them, are the driver's business; the VDM header, completion
 * code and command conversions are {@link MctpVdmTransport}'s.
 */
public interface MctpVdmDriver {
    /** A short name for messages, e.g. "in-process" or "i3c 127.0.0.1:63333". */
    String name();

    /**
     * @return the VDM response message
     * @throws org.caliptra.util.host.transport.TransportException when the exchange could not be completed
     */
    byte[] sendRequest(byte[] vdmRequest);

    boolean isReady();

    /** See {@link org.caliptra.util.host.transport.Transport#callsAreSelfBounded}. */
    default boolean callsAreSelfBounded() {
        return false;
    }

    void connect();

    void disconnect();
}
