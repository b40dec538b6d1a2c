package org.caliptra.util.protocol.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.protocol.CaliptraException;

/**
 * Decoding CPTR and MBOX frames from any bytes, as the emulator's server reads requests and the
 * host's socket clients read replies. First byte mod 5 picks the reader: CPTR requests, CPTR
 * replies, MBOX requests (largest mailbox), MBOX responses (largest mailbox), MBOX requests of a
 * 16 KiB MCU mailbox; the rest is the frame. A frame that decodes must encode back to a frame of
 * the same length that decodes to the same message (padding is not kept).
 */
class SocketMessageFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("SocketCodec.decode", 16, 1 << 20, CaliptraException.class);
    private static final List<SocketCodec<?>> CODECS = List.of(CptrMessage.REQUESTS, CptrMessage.REPLIES, MboxMessage.REQUESTS,
            MboxMessage.RESPONSES, MboxMessage.requests(16 * 1024));

    @FuzzTest
    void decode(byte[] input) {
        CONTRACT.check(input, () -> {
            if (input.length == 0) {
                return;
            }
            SocketCodec<?> codec = CODECS.get(Math.floorMod(input[0], CODECS.size()));
            byte[] frame = Arrays.copyOfRange(input, 1, input.length);
            SocketMessage message = codec.decode(frame);
            byte[] again = message.encode();
            assertEquals(frame.length, again.length, "a decoded " + codec.name() + " encodes to another length");
            assertEquals(message, codec.decode(again), "a decoded " + codec.name() + " re-encodes to another message");
        });
    }
}
