package org.caliptra.util.protocol.mctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.mctp.MctpReassembler.Role;

/**
 * Reassembling MCTP messages ({@link MctpPacket#decode}, {@link MctpReassembler}) from any packets,
 * as both ends of the MCTP-over-I3C socket do. Input: byte 0 = the tag the requester expects (low 3
 * bits); then packets, each a length byte and that many bytes, fed to a responder (EID 0) and a
 * requester (EID 8). Every drop reason is one line; a completed message stays within the bound,
 * starts with type 0x7F, and packetizing it again reassembles to the same body.
 */
class MctpReassemblerFuzzTest {
    /**
     * Every packet goes through two reassemblers, and every message one completes is packetized and
     * reassembled once more by {@link #check}: four passes over each input byte, so four times the
     * 64 bytes per input byte a single decoder may allocate.
     */
    private static final FuzzContract CONTRACT = FuzzContract.of("MctpReassembler.accept", 4 * 64, 1 << 20, CaliptraException.class);

    @FuzzTest
    void reassemble(byte[] input) {
        CONTRACT.check(input, () -> {
            if (input.length == 0) {
                return;
            }
            var responder = new MctpReassembler(0, Role.RESPONDER, 0x7F, MctpMessage.MAX_VDM_BODY, MctpReassemblerFuzzTest::oneLine);
            var requester = new MctpReassembler(8, Role.REQUESTER, 0x7F, MctpMessage.MAX_VDM_BODY, MctpReassemblerFuzzTest::oneLine);
            requester.expectTag(input[0] & 7);
            int at = 1;
            while (at < input.length) {
                int length = input[at] & 0xFF;
                byte[] bytes = Arrays.copyOfRange(input, at + 1, Math.min(input.length, at + 1 + length));
                at += 1 + length;
                if (bytes.length < MctpTransportHeader.SIZE) {
                    continue;
                }
                var packet = MctpPacket.decode(bytes);
                responder.accept(packet).ifPresent(m -> check(m, 0));
                requester.accept(packet).ifPresent(m -> check(m, 8));
            }
        });
    }

    private static void check(MctpMessage message, int localEid) {
        assertTrue(message.body().length() <= MctpMessage.MAX_VDM_BODY, "a message over the bound completed");
        assertEquals(0x7F, message.body().get(0) & 0xFF, "a message of another type completed");
        assertEquals(localEid, message.destEid());
        var again = new MctpReassembler(localEid, localEid == 0 ? Role.RESPONDER : Role.REQUESTER, 0x7F, MctpMessage.MAX_VDM_BODY,
                MctpReassemblerFuzzTest::oneLine);
        if (localEid != 0) {
            again.expectTag(message.messageTag());
        }
        Octets body = null;
        for (var p : MctpPacketizer.packetize(localEid, message.srcEid(), message.tagOwner(), message.messageTag(), message.body())) {
            var done = again.accept(p);
            if (done.isPresent()) {
                body = done.get().body();
            }
        }
        assertEquals(message.body(), body, "a completed message does not packetize and reassemble to itself");
    }

    private static void oneLine(String why) {
        assertTrue(!why.isEmpty() && why.length() < 300 && why.chars().noneMatch(c -> c < 0x20), "drop reason is not one line: " + why);
    }
}
