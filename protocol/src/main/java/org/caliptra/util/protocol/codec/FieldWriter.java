package org.caliptra.util.protocol.codec;

import java.util.Arrays;
import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;

/** Writes the little-endian fields of one message in order. */
public final class FieldWriter {
    private byte[] buffer;
    private int size;

    public FieldWriter() {
        this(64);
    }

    public FieldWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public int size() {
        return size;
    }

    public FieldWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public FieldWriter u16(int value) {
        ensure(2);
        buffer[size++] = (byte) value;
        buffer[size++] = (byte) (value >>> 8);
        return this;
    }

    public FieldWriter u32(int value) {
        ensure(4);
        buffer[size++] = (byte) value;
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 24);
        return this;
    }

    public FieldWriter u64(long value) {
        return u32((int) value).u32((int) (value >>> 32));
    }

    public FieldWriter bytes(Octets value) {
        ensure(value.length());
        value.copyTo(buffer, size);
        size += value.length();
        return this;
    }

    public FieldWriter bytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    /** A standard-order value into a {@code u32[]} crypto field: each 4-byte group byte-reversed. */
    public FieldWriter hwWords(Octets value) {
        return bytes(HwFormat.reverseEach4(value.toByteArray()));
    }

    /** {@code length} zero bytes. */
    public FieldWriter zeros(int length) {
        ensure(length);
        size += length; // the buffer is zero beyond size
        return this;
    }

    /** {@code value} in a fixed-capacity field, zero-padded to {@code capacity}. */
    public FieldWriter padded(Octets value, int capacity) {
        if (value.length() > capacity) {
            throw new IllegalArgumentException(value.length() + " bytes do not fit a " + capacity + "-byte field");
        }
        return bytes(value).zeros(capacity - value.length());
    }

    /** {@code size:u32} then the bytes. */
    public FieldWriter sized(Octets value) {
        return u32(value.length()).bytes(value);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
