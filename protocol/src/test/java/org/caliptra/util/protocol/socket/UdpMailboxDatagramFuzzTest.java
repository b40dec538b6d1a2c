package org.caliptra.util.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.protocol.CaliptraException;

/**
 * Decoding UDP mailbox datagrams ({@link UdpMailboxDatagram}) from any bytes, as the UDP endpoint
 * reads requests and a client checks replies. The input is one datagram: as a request it must
 * encode back to itself; as a reply, {@code replyVerifies} must answer without failing.
 */
class UdpMailboxDatagramFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("UdpMailboxDatagram.decode", 8, 1 << 20, CaliptraException.class);

    @FuzzTest
    void decode(byte[] input) {
        CONTRACT.check(input, () -> {
            boolean verifies = UdpMailboxDatagram.replyVerifies(input, input.length);
            assertTrue(!verifies || input.length >= 8, "a reply shorter than its header verified");
            var datagram = UdpMailboxDatagram.decode(input);
            assertArrayEquals(input, datagram.encode(), "a decoded request re-encodes to other bytes");
        });
    }
}
