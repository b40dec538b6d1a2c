package org.caliptra.util.image.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.Octets;

/** Little-endian field access at absolute offsets, for the fixed manifest layouts. */
final class LeReader {
    private final ByteBuffer buf;
    private final byte[] bytes;

    LeReader(byte[] bytes) {
        this.bytes = bytes;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    int u32(int offset) {
        return buf.getInt(offset);
    }

    int u16(int offset) {
        return Short.toUnsignedInt(buf.getShort(offset));
    }

    int u8(int offset) {
        return Byte.toUnsignedInt(bytes[offset]);
    }

    Octets raw(int offset, int length) {
        return Octets.of(bytes, offset, length);
    }

    byte[] bytes() {
        return bytes;
    }
}
