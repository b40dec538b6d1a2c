package org.caliptra.util.protocol.cm;

import java.util.Objects;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.FieldReader;

/** Sizes and field helpers the cryptographic mailbox families share. */
final class CmFields {
    /** MAX_CMB_DATA_SIZE: the most input data one CM_* request carries. */
    static final int MAX_DATA = 4096;
    /**
     * MAX_CMB_AES_GCM_OUTPUT_SIZE: a GCM update or final may release up to one buffered block more
     * than it was given, so its output buffer is 4096 + 16 bytes.
     */
    static final int MAX_GCM_OUTPUT = MAX_DATA + 16;

    private CmFields() {}

    static void checkSize(String field, Octets value, int size) {
        Objects.requireNonNull(value, field);
        if (value.length() != size) {
            throw new IllegalArgumentException(field + " is " + size + " bytes, got " + value.length());
        }
    }

    static void checkMax(String field, Octets value, int max) {
        Objects.requireNonNull(value, field);
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " is at most " + max + " bytes, got " + value.length());
        }
    }

    /**
     * {@code sizeField:u32} then that many bytes of {@code dataField}, at most {@code max}; a size
     * beyond {@code max} or beyond the bytes that follow fails on the size field.
     */
    static Octets sized(FieldReader in, String sizeField, String dataField, int max) {
        int at = in.position();
        long size = Integer.toUnsignedLong(in.u32(sizeField));
        if (size > max) {
            throw in.error(sizeField, at, "is " + size + ", at most " + max);
        }
        if (size > in.remaining()) {
            throw in.error(sizeField, at, "is " + size + " but only " + in.remaining() + " bytes follow");
        }
        return in.bytes(dataField, (int) size);
    }

    /**
     * The variable tail of a request: like {@link #sized}, then whatever the requester left of its
     * fixed-capacity buffer. The firmware copies a request of any length up to the full structure
     * into a zeroed structure and reads only {@code size} bytes, so a requester that sends the whole
     * buffer is answered normally; the codec's maximum size still bounds the total.
     */
    static Octets requestTail(FieldReader in, String sizeField, String dataField, int max) {
        Octets data = sized(in, sizeField, dataField, max);
        in.skip("padding", in.remaining());
        return data;
    }
}
