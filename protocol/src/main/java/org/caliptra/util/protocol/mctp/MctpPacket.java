package org.caliptra.util.protocol.mctp;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/**
 * One MCTP packet: the transport header and its payload, a piece of a message (the first piece
 * starts with the message type byte). Framing only: whether a packet is acceptable in its message
 * is {@link MctpReassembler}'s business.
 */
public record MctpPacket(MctpTransportHeader header, Octets payload) {
    /** The baseline transmission unit: the payload every MCTP binding carries (spec/hostlib.md §4.3). */
    public static final int BASELINE_PAYLOAD = 64;

    public MctpPacket {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(payload, "payload");
    }

    public int size() {
        return MctpTransportHeader.SIZE + payload.length();
    }

    public byte[] encode() {
        byte[] out = new byte[size()];
        header.encode(out, 0);
        payload.copyTo(out, MctpTransportHeader.SIZE);
        return out;
    }

    /** @throws ProtocolException when the bytes are shorter than the header */
    public static MctpPacket decode(byte[] packet) {
        var header = MctpTransportHeader.decode(packet, 0);
        return new MctpPacket(header, Octets.of(packet, MctpTransportHeader.SIZE, packet.length - MctpTransportHeader.SIZE));
    }
}
