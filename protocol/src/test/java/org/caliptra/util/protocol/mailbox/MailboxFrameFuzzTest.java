package org.caliptra.util.protocol.mailbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.fuzzsupport.FuzzContract;

/**
 * Opening mailbox frames ({@link MailboxFrame}) on any bytes. First byte: even opens a request,
 * whose command code is the next four bytes (little-endian), odd a response; the rest is the frame.
 * A frame that opens must seal back to itself.
 */
class MailboxFrameFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("MailboxFrame.open*", 16, 1 << 20, CaliptraException.class);

    @FuzzTest
    void open(byte[] input) {
        CONTRACT.check(input, () -> {
            if (input.length == 0) {
                return;
            }
            if ((input[0] & 1) == 0) {
                int command = input.length < 5 ? 0 : ByteBuffer.wrap(input, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] frame = Arrays.copyOfRange(input, Math.min(5, input.length), input.length);
                byte[] fields = MailboxFrame.openRequest(command, frame, "fuzz request");
                assertArrayEquals(frame, MailboxFrame.sealRequest(command, fields), "sealRequest(openRequest(f)) differs from f");
            } else {
                byte[] frame = Arrays.copyOfRange(input, 1, input.length);
                var response = MailboxFrame.openResponse(frame, "fuzz response");
                assertArrayEquals(frame, MailboxFrame.sealResponse(response.fipsStatus(), response.fields()),
                        "sealResponse(openResponse(f)) differs from f");
                assertEquals(frame.length - MailboxFrame.RESPONSE_HEADER, response.fields().length);
            }
        });
    }
}
