package org.caliptra.util.protocol.mailbox;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The Caliptra mailbox checksum (spec/hostlib.md §3.1, spec/device.md §2.7).
 *
 * <p>{@code chksum = 0 - (sum of the 4 bytes of the command code + sum of every payload byte after
 * the checksum field)} in wrapping 32-bit arithmetic, stored little-endian as the first 4 bytes of
 * the payload. Responses use command 0.
 */
public final class MailboxChecksum {
    /** Size of the checksum field that heads every request and response. */
    public static final int SIZE = 4;

    private MailboxChecksum() {}

    /** Checksum over {@code body[from, to)} for {@code command}. */
    public static int compute(int command, byte[] body, int from, int to) {
        int sum = (command & 0xFF) + ((command >>> 8) & 0xFF) + ((command >>> 16) & 0xFF) + (command >>> 24);
        for (int i = from; i < to; i++) {
            sum += body[i] & 0xFF;
        }
        return -sum;
    }

    public static int compute(int command, byte[] body) {
        return compute(command, body, 0, body.length);
    }

    /** {@code checksum ‖ body}: the mailbox payload for a request with these fields. */
    public static byte[] seal(int command, byte[] body) {
        byte[] out = new byte[SIZE + body.length];
        System.arraycopy(body, 0, out, SIZE, body.length);
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(0, compute(command, body));
        return out;
    }

    /** True when the first 4 bytes of {@code payload} are the checksum of the rest. */
    public static boolean isValid(int command, byte[] payload) {
        if (payload.length < SIZE) {
            return false;
        }
        int stored = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        return stored == compute(command, payload, SIZE, payload.length);
    }

    /**
     * Checks a payload's checksum and returns the bytes after it.
     *
     * @param what names the message in the error, e.g. "MC_DEVICE_ID response"
     */
    public static byte[] open(int command, byte[] payload, String what) {
        if (payload.length < SIZE) {
            throw new ProtocolException(what + ": " + payload.length
                    + " bytes is shorter than the 4-byte checksum field");
        }
        int stored = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        int expected = compute(command, payload, SIZE, payload.length);
        if (stored != expected) {
            throw new ProtocolException(String.format(
                    "%s: checksum mismatch at offset 0: found 0x%08X, expected 0x%08X", what, stored, expected));
        }
        byte[] body = new byte[payload.length - SIZE];
        System.arraycopy(payload, SIZE, body, 0, body.length);
        return body;
    }
}
