package org.caliptra.util.protocol.codec;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.caliptra.util.protocol.Octets;

/** The checks and conversions that message records of every command family share; each failure names the spec's field. */
public final class Fields {
    private Fields() {}

    public static Octets exactly(String field, Octets value, int size) {
        Objects.requireNonNull(value, field);
        if (value.length() != size) {
            throw new IllegalArgumentException(field + " is " + size + " bytes, got " + value.length());
        }
        return value;
    }

    public static Octets atMost(String field, Octets value, int max) {
        Objects.requireNonNull(value, field);
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is at most " + max + " bytes, got " + value.length());
        }
        return value;
    }

    public static int u8(String field, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(field + " must fit in 8 bits (0..0xFF), got " + value);
        }
        return value;
    }

    public static int u16(String field, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " must fit in 16 bits (0..0xFFFF), got " + value);
        }
        return value;
    }

    /** {@code text} as ASCII bytes; anything else fails rather than turning into '?'. */
    public static byte[] asciiBytes(String field, String text) {
        Objects.requireNonNull(text, field);
        if (!text.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException(field + " must be ASCII: " + text);
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** An ASCII field as text, without the NUL padding that fills it to its size. */
    public static String ascii(Octets bytes) {
        byte[] b = bytes.toByteArray();
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }
}
