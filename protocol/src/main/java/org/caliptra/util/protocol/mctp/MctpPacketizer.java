package org.caliptra.util.protocol.mctp;

import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.protocol.Octets;

/**
 * Splits an MCTP message into packets (spec/hostlib.md §4.3): payloads of the baseline 64 bytes, the
 * last one shorter; SOM on the first, EOM on the last; packet sequence = index mod 4; the same
 * EIDs, tag owner bit and tag on each.
 */
public final class MctpPacketizer {
    private MctpPacketizer() {}

    /**
     * @param body the message: its type byte first ({@link MctpMessage#vdmBody})
     * @throws IllegalArgumentException for an empty body or a field out of range
     */
    public static List<MctpPacket> packetize(int destEid, int srcEid, boolean tagOwner, int tag, Octets body) {
        if (body.length() == 0) {
            throw new IllegalArgumentException("an MCTP message has at least its type byte");
        }
        int count = (body.length() + MctpPacket.BASELINE_PAYLOAD - 1) / MctpPacket.BASELINE_PAYLOAD;
        var packets = new ArrayList<MctpPacket>(count);
        for (int i = 0; i < count; i++) {
            int from = i * MctpPacket.BASELINE_PAYLOAD;
            int length = Math.min(MctpPacket.BASELINE_PAYLOAD, body.length() - from);
            var header = new MctpTransportHeader(MctpTransportHeader.VERSION_1, destEid, srcEid, i == 0, i == count - 1, i % 4,
                    tagOwner, tag);
            packets.add(new MctpPacket(header, body.slice(from, length)));
        }
        return List.copyOf(packets);
    }
}
