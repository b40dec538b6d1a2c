package org.caliptra.util.emulator.eat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A deterministic CBOR writer (RFC 8949 §4.2.1: every head in its shortest form, definite
 * lengths), the subset Caliptra's EATs use: integers, byte and text strings, arrays, maps and tags.
 * The caller writes map entries in the order the token's profile gives them; nothing is sorted here.
 */
public final class Cbor {
    private static final int UNSIGNED = 0;
    private static final int NEGATIVE = 1;
    private static final int BYTES = 2;
    private static final int TEXT = 3;
    private static final int ARRAY = 4;
    private static final int MAP = 5;
    private static final int TAG = 6;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** An integer: major type 0 when non-negative, else 1 (−1 − n). */
    public Cbor integer(long value) {
        return value >= 0 ? head(UNSIGNED, value) : head(NEGATIVE, -1 - value);
    }

    public Cbor bytes(byte[] value) {
        head(BYTES, value.length);
        out.writeBytes(value);
        return this;
    }

    public Cbor text(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        head(TEXT, utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    /** The head of an array of {@code items} items, which the caller writes next. */
    public Cbor array(int items) {
        return head(ARRAY, items);
    }

    /** The head of a map of {@code entries} key/value pairs, which the caller writes next. */
    public Cbor map(int entries) {
        return head(MAP, entries);
    }

    public Cbor tag(long tag) {
        return head(TAG, tag);
    }

    /** An item already encoded. */
    public Cbor encoded(byte[] item) {
        out.writeBytes(item);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** The shortest head of major type {@code major} with argument {@code value} (unsigned). */
    private Cbor head(int major, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("CBOR argument out of range: " + Long.toUnsignedString(value));
        }
        int type = major << 5;
        if (value < 24) {
            out.write(type | (int) value);
        } else if (value <= 0xFF) {
            out.write(type | 24);
            out.write((int) value);
        } else if (value <= 0xFFFF) {
            out.write(type | 25);
            writeBigEndian(value, 2);
        } else if (value <= 0xFFFF_FFFFL) {
            out.write(type | 26);
            writeBigEndian(value, 4);
        } else {
            out.write(type | 27);
            writeBigEndian(value, 8);
        }
        return this;
    }

    private void writeBigEndian(long value, int length) {
        for (int i = length - 1; i >= 0; i--) {
            out.write((int) (value >>> (8 * i)));
        }
    }
}
