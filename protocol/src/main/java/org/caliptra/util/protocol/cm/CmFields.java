package org.caliptra.util.protocol.cm;

import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.FieldReader;

/** Sizes and the request-tail reader that the cryptographic mailbox families share. */
final class CmFields {
    /** MAX_CMB_DATA_SIZE: the most input data one CM_* request carries. */
    static final int MAX_DATA = 4096;
    /**
     * MAX_CMB_AES_GCM_OUTPUT_SIZE: a GCM update or final may release up to one buffered block more
     * than it was given, so its output buffer is 4096 + 16 bytes.
     */
    static final int MAX_GCM_OUTPUT = MAX_DATA + 16;

    private CmFields() {}

    /**
     * The variable tail of a request: like {@link FieldReader#sized}, then whatever the requester
     * left of its fixed-capacity buffer. The firmware copies a request of any length up to the full
     * structure into a zeroed structure and reads only {@code size} bytes, so a requester that sends
     * the whole buffer is answered normally; the codec's maximum size still bounds the total.
     */
    static Octets requestTail(FieldReader in, String sizeField, String dataField, int max) {
        Octets data = in.sized(sizeField, dataField, max);
        in.skip("padding", in.remaining());
        return data;
    }
}
