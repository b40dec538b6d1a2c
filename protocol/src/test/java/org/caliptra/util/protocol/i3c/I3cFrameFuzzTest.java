package org.caliptra.util.protocol.i3c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.caliptra.util.fuzzsupport.FuzzContract;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.ProtocolException;

/**
 * Reading the I3C socket's byte stream ({@link I3cCommandFrame}, {@link I3cTargetFrame}) as a server
 * and a client do: header, then as many bytes as it says, frame after frame, and the PEC of each
 * payload. First byte: even reads what a controller sends (the server's side), odd what a target
 * sends (the client's side); the rest is the stream. A frame cut short at the end is left
 * waiting, as on a socket. Every frame read must encode back to its bytes.
 */
class I3cFrameFuzzTest {
    private static final FuzzContract CONTRACT = FuzzContract.of("I3c*Frame.decode", 16, 1 << 20, CaliptraException.class);

    @FuzzTest
    void decode(byte[] input) {
        CONTRACT.check(input, () -> {
            if (input.length == 0) {
                return;
            }
            boolean commands = (input[0] & 1) == 0;
            int at = 1;
            while (true) {
                int headerSize = commands ? I3cCommandFrame.HEADER_SIZE : I3cTargetFrame.HEADER_SIZE;
                if (input.length - at < headerSize) {
                    return;
                }
                int length = commands ? I3cCommandFrame.decodeHeader(input, at).payloadLength()
                        : I3cTargetFrame.decodeHeader(input, at).descriptor().dataLength();
                if (input.length - at - headerSize < length) {
                    return;
                }
                byte[] frame = Arrays.copyOfRange(input, at, at + headerSize + length);
                at += frame.length;
                if (commands) {
                    var f = I3cCommandFrame.decode(frame);
                    assertArrayEquals(frame, f.encode(), "a command frame re-encodes to other bytes");
                    openQuietly(() -> Pec.openWrite(f.toAddress(), f.payload().toByteArray()), f.descriptor().read());
                } else {
                    var f = I3cTargetFrame.decode(frame);
                    assertArrayEquals(frame, f.encode(), "a target frame re-encodes to other bytes");
                    openQuietly(() -> Pec.openRead(f.fromAddress(), f.data().toByteArray()), f.isIbi());
                }
            }
        });
    }

    /** A PEC mismatch drops that packet only: the stream goes on. */
    private static void openQuietly(Runnable open, boolean noPacket) {
        if (noPacket) {
            return;
        }
        try {
            open.run();
        } catch (ProtocolException dropped) {
            // the packet is dropped; the next frame is read
        }
    }
}
