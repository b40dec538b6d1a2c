package org.caliptra.util.protocol.mcu;

import org.caliptra.util.protocol.codec.FieldReader;

/** The length-word check that the MC_* readers of var-size responses share. */
final class McFields {
    private McFields() {}

    /**
     * A length word that must describe exactly the bytes after it ({@code data_len} of a var-size
     * response): at least {@code min}, at most {@code max}, and equal to what follows, so a
     * truncated, padded or over-declared message fails on the length field rather than later.
     */
    static int declaredRest(FieldReader in, String sizeField, int min, int max) {
        int at = in.position();
        int size = in.u32InRange(sizeField, min, max);
        if (size != in.remaining()) {
            throw in.error(sizeField, at, "is " + size + " but " + in.remaining() + " bytes follow");
        }
        return size;
    }
}
