package org.caliptra.util.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.protocol.CaliptraException;

/**
 * Decoding UDP mailbox datagrams ({@link UdpMailboxDatagram}) from any bytes, as the UDP endpoint
 * reads requests and a client classifies replies. The input is one datagram: as a request it must
 * encode back to itself; as a reply, a response must be the whole datagram and verify, a failure
 * reply at most five bytes, and an invalid one must say why in one line.
 */
class UdpMailboxDatagramFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("UdpMailboxDatagram.decode/classifyReply", 8, 1 << 20, CaliptraException.class);

    @FuzzTest
    void decode(byte[] input) {
        CONTRACT.check(input, () -> {
            boolean verifies = UdpMailboxDatagram.replyVerifies(input, input.length);
            assertTrue(!verifies || input.length >= 8, "a reply shorter than its header verified");
            var reply = UdpMailboxDatagram.classifyReply(input, input.length);
            if (reply instanceof UdpMailboxDatagram.Reply.Response r) {
                assertTrue(verifies && r.frame().length() == input.length, "an accepted response is not the verified datagram");
            } else if (reply instanceof UdpMailboxDatagram.Reply.Failure) {
                assertTrue(input.length <= UdpMailboxDatagram.FAILURE_REPLY_SIZE, "a long datagram read as a failure reply");
            } else {
                String why = ((UdpMailboxDatagram.Reply.Invalid) reply).reason();
                assertTrue(!why.isEmpty() && why.chars().noneMatch(c -> c < 0x20), "reason is not one line: " + why);
            }
            var datagram = UdpMailboxDatagram.decode(input);
            assertArrayEquals(input, datagram.encode(), "a decoded request re-encodes to other bytes");
        });
    }
}
