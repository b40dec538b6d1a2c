package org.caliptra.util.protocol.mctp;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;

/**
 * A reassembled MCTP message: who sent it to whom, its tag, and its body — the payloads of its
 * packets in order, starting with the message type byte (IC bit 7, type bits 6:0).
 */
public record MctpMessage(int srcEid, int destEid, boolean tagOwner, int messageTag, Octets body) {
    /**
     * The size bound both ends of the MCTP-over-I3C socket put on a reassembled message (type byte
     * included): every Caliptra VDM message fits, the largest being a GetDebugLog response with
     * 900 log bytes, 1 + 10 + 8 + 900 = 919 bytes (15 packets).
     */
    public static final int MAX_VDM_BODY = 1024;

    public MctpMessage {
        Objects.requireNonNull(body, "body");
        if (body.length() == 0) {
            throw new IllegalArgumentException("an MCTP message has at least its type byte");
        }
    }

    /** Bits 6:0 of the first byte, e.g. 0x7F for a vendor-defined message by IANA id. */
    public int messageType() {
        return body.get(0) & 0x7F;
    }

    /** Bit 7 of the first byte: a CRC-32 message integrity check ends the message. */
    public boolean integrityCheck() {
        return (body.get(0) & 0x80) != 0;
    }

    /** The body after the type byte: for type 0x7F the VDM message, from the IANA id on. */
    public byte[] content() {
        return body.slice(1, body.length() - 1).toByteArray();
    }

    /** The body of a vendor-defined message by IANA id (type 0x7F, no integrity check) carrying {@code vdm}. */
    public static Octets vdmBody(byte[] vdm) {
        byte[] body = new byte[1 + vdm.length];
        body[0] = (byte) VdmMessage.MCTP_MESSAGE_TYPE;
        System.arraycopy(vdm, 0, body, 1, vdm.length);
        return Octets.of(body);
    }
}
