package org.caliptra.util.protocol.codec;

import org.caliptra.util.protocol.HwFormat;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.ProtocolException;

/**
 * Reads the little-endian fields of one message in order. Every read names its field, so a short
 * or malformed message fails with the message, the field and its offset, never with an index error.
 */
public final class FieldReader {
    private final String message;
    private final byte[] bytes;
    private int position;

    /** @param message names the message in errors, e.g. "VERSION response" */
    public FieldReader(String message, byte[] bytes) {
        this.message = message;
        this.bytes = bytes;
    }

    public String message() {
        return message;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return bytes.length - position;
    }

    public int u8(String field) {
        need(field, 1);
        return bytes[position++] & 0xFF;
    }

    public int u16(String field) {
        need(field, 2);
        int v = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    public int u32(String field) {
        need(field, 4);
        int v = (bytes[position] & 0xFF) | (bytes[position + 1] & 0xFF) << 8
                | (bytes[position + 2] & 0xFF) << 16 | (bytes[position + 3] & 0xFF) << 24;
        position += 4;
        return v;
    }

    public long u64(String field) {
        long low = Integer.toUnsignedLong(u32(field));
        long high = Integer.toUnsignedLong(u32(field));
        return high << 32 | low;
    }

    /** A u32 that must be exactly {@code expected}. */
    public int u32Equal(String field, int expected) {
        int at = position;
        int v = u32(field);
        if (v != expected) {
            throw error(field, at, String.format("is 0x%08X, expected 0x%08X", v, expected));
        }
        return v;
    }

    /** A u32 that must lie in {@code [min, max]} (unsigned). */
    public int u32InRange(String field, long min, long max) {
        int at = position;
        int v = u32(field);
        long u = Integer.toUnsignedLong(v);
        if (u < min || u > max) {
            throw error(field, at, "is " + u + ", expected " + min + ".." + max);
        }
        return v;
    }

    /** A u32 size that must be at most {@code max}, as the size field before a fixed-capacity buffer. */
    public int u32AtMost(String field, int max) {
        int at = position;
        long size = Integer.toUnsignedLong(u32(field));
        if (size > max) {
            throw error(field, at, "is " + size + ", at most " + max);
        }
        return (int) size;
    }

    /** Exactly {@code length} bytes. */
    public Octets bytes(String field, int length) {
        need(field, length);
        Octets v = Octets.of(bytes, position, length);
        position += length;
        return v;
    }

    /**
     * A {@code u32[length / 4]} crypto field (digest, key) whose words are big-endian values stored
     * little-endian (spec/device.md §2.6), returned in standard byte order.
     */
    public Octets hwWords(String field, int length) {
        need(field, length);
        Octets v = Octets.of(HwFormat.reverseEach4(bytes, position, length));
        position += length;
        return v;
    }

    /** Every byte left. */
    public Octets rest(String field) {
        return bytes(field, remaining());
    }

    /**
     * A length-prefixed field: {@code sizeField:u32} then that many bytes of {@code dataField}, at
     * most {@code max}. A size beyond {@code max} or beyond the bytes that follow fails on the size
     * field, which is the one that is wrong.
     */
    public Octets sized(String sizeField, String dataField, int max) {
        int at = position;
        int size = u32AtMost(sizeField, max);
        if (size > remaining()) {
            throw error(sizeField, at, "is " + size + " but only " + remaining() + " bytes follow");
        }
        return bytes(dataField, size);
    }

    /**
     * A fixed-capacity array that carries {@code used} meaningful bytes (as {@code tbs:u8[916]}
     * after {@code tbs_size}): the used prefix is returned and the rest skipped.
     */
    public Octets prefixOf(String field, int capacity, long used) {
        if (used > capacity) {
            throw error(field, position, "declares " + used + " bytes of a " + capacity + "-byte field");
        }
        Octets all = bytes(field, capacity);
        return all.slice(0, (int) used);
    }

    public void skip(String field, int length) {
        need(field, length);
        position += length;
    }

    /** Fails unless every byte was read. */
    public void expectEnd() {
        if (position != bytes.length) {
            throw new ProtocolException(String.format("%s: %d unexpected bytes after the last field at offset %d",
                    message, bytes.length - position, position));
        }
    }

    /** A failure about a field already read at {@code offset}. */
    public ProtocolException error(String field, int offset, String problem) {
        return new ProtocolException(String.format("%s: field '%s' at offset %d %s", message, field, offset, problem));
    }

    private void need(String field, int length) {
        if (length < 0 || length > remaining()) {
            throw error(field, position, "needs " + length + " bytes, only " + remaining() + " remain");
        }
    }
}
