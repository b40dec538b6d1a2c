package org.caliptra.util.protocol.mctp;

/**
 * The MCTP-VDM seam: one vendor-defined message exchange with a device's MCTP-VDM responder
 * (spec/hostlib.md §4.1–§4.2). Both messages start at the IANA enterprise id, without the MCTP
 * message-type byte (0x7F) and without transport headers: what packetization and the I3C socket
 * carry is the business of the layers around this seam.
 *
 * <p>The emulator implements it; host MCTP-VDM drivers accept any implementation.
 */
public interface VdmPort {
    /**
     * @param request a VDM request message: IANA id (BE), control byte 0x80, command code, payload
     * @return the VDM response message: IANA id, control 0x00, command echo, completion code (u32
     *     LE), data — a failure is a response with a non-zero completion code, never an exception
     */
    byte[] exchangeVdm(byte[] request);
}
