package org.caliptra.util.protocol.mcu;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.FieldReader;

/** Field checks the MC_* records and readers share; every failure names the spec's field. */
final class McFields {
    private McFields() {}

    static Octets exactly(String field, Octets value, int size) {
        Objects.requireNonNull(value, field);
        if (value.length() != size) {
            throw new IllegalArgumentException(field + " is " + size + " bytes, got " + value.length());
        }
        return value;
    }

    static Octets atMost(String field, Octets value, int max) {
        Objects.requireNonNull(value, field);
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is at most " + max + " bytes, got " + value.length());
        }
        return value;
    }

    static void u8(String field, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(field + " must fit in 8 bits (0..0xFF), got " + value);
        }
    }

    static void u16(String field, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " must fit in 16 bits (0..0xFFFF), got " + value);
        }
    }

    /**
     * A length word that must describe exactly the bytes after it ({@code data_len} of a var-size
     * response): at least {@code min}, at most {@code max}, and equal to what follows, so a
     * truncated, padded or over-declared message fails on the length field rather than later.
     */
    static int declaredRest(FieldReader in, String sizeField, int min, int max) {
        int at = in.position();
        long size = Integer.toUnsignedLong(in.u32(sizeField));
        if (size < min || size > max) {
            throw in.error(sizeField, at, "is " + size + ", expected " + min + ".." + max);
        }
        if (size != in.remaining()) {
            throw in.error(sizeField, at, "is " + size + " but " + in.remaining() + " bytes follow");
        }
        return (int) size;
    }
}
