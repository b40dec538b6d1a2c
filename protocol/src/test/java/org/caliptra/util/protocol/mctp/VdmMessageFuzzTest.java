package org.caliptra.util.protocol.mctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.protocol.CaliptraException;

/**
 * Decoding Caliptra VDM messages ({@link VdmMessage}) from any bytes, as a responder reads requests
 * and a host reads responses off a socket. First byte: even decodes a request, odd a response; the
 * rest is the message. A message that decodes must encode back to itself.
 */
class VdmMessageFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("VdmMessage.*.decode", 16, 1 << 20, CaliptraException.class);

    @FuzzTest
    void decode(byte[] input) {
        CONTRACT.check(input, () -> {
            if (input.length == 0) {
                return;
            }
            byte[] message = Arrays.copyOfRange(input, 1, input.length);
            if ((input[0] & 1) == 0) {
                var request = VdmMessage.Request.decode(message);
                // The control byte's reserved bits are not kept: compare what the request means.
                byte[] again = request.encode();
                assertArrayEquals(Arrays.copyOfRange(message, 5, message.length), Arrays.copyOfRange(again, 5, again.length),
                        "a decoded request re-encodes to another command or payload");
            } else {
                var response = VdmMessage.Response.decode(message);
                byte[] again = response.encode();
                assertArrayEquals(Arrays.copyOfRange(message, 5, message.length), Arrays.copyOfRange(again, 5, again.length),
                        "a decoded response re-encodes to another command, code or data");
            }
        });
    }
}
