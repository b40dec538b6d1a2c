package org.caliptra.util.image.bundle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.Octets;

/** Little-endian field writes at absolute offsets. */
final class LeWriter {
    private final byte[] bytes;
    private final ByteBuffer buf;

    LeWriter(byte[] bytes) {
        this.bytes = bytes;
        this.buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    void u32(int offset, int value) {
        buf.putInt(offset, value);
    }

    void u16(int offset, int value) {
        buf.putShort(offset, (short) value);
    }

    void u8(int offset, int value) {
        bytes[offset] = (byte) value;
    }

    void raw(int offset, Octets value) {
        value.copyTo(bytes, offset);
    }

    byte[] bytes() {
        return bytes;
    }
}
