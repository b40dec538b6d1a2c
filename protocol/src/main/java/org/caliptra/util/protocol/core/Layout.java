package org.caliptra.util.protocol.core;

import java.util.ArrayList;
import java.util.List;
import org.caliptra.util.protocol.Octets;
import org.caliptra.util.protocol.codec.Codec;
import org.caliptra.util.protocol.codec.FieldReader;
import org.caliptra.util.protocol.codec.FieldWriter;
import org.caliptra.util.protocol.codec.Fields;

import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE;
import static org.caliptra.util.protocol.codec.CryptoSizes.MLDSA87_SIGNATURE_SLOT;

/**
 * What the core message layouts share: the used part of a fixed-capacity buffer, u32 and
 * byte-string arrays, and the ML-DSA-87 signature slot.
 */
final class Layout {
    private Layout() {}

    /**
     * The used part of a buffer that ends the message, then whatever of its unused rest the sender
     * sent along. The Rust API sends only the used part; libcaliptra's fixed structs and the 1.x
     * firmware send the whole buffer; receivers ignore the rest. The codec's maximum size bounds
     * the rest to the buffer.
     */
    static Octets usedThenRest(FieldReader in, String field, int used) {
        Octets data = in.bytes(field, used);
        in.skip(field, in.remaining());
        return data;
    }

    /** The used part of a buffer, or with {@code whole} the whole buffer zero-padded. */
    static void buffer(FieldWriter out, String field, Octets data, int capacity, boolean whole) {
        Fields.atMost(field, data, capacity);
        if (whole) {
            out.padded(data, capacity);
        } else {
            out.bytes(data);
        }
    }

    /** {@code size:u32} then the buffer. */
    static void sized(FieldWriter out, String field, Octets data, int capacity, boolean whole) {
        Fields.atMost(field, data, capacity);
        out.u32(data.length());
        buffer(out, field, data, capacity, whole);
    }

    /**
     * {@code sizeField:u32, dataField[size]} in a {@code capacity}-byte buffer that ends the
     * message. {@code sendWhole} makes the encoder send the whole buffer, as the firmware that
     * defines the size does; the decoder accepts the used part with or without the rest.
     */
    static Codec<SizedData> sizedData(String sizeField, String dataField, int capacity, boolean sendWhole) {
        return Codec.variable(4, 4 + capacity, (v, out) -> sized(out, dataField, v.data(), capacity, sendWhole),
                in -> new SizedData(usedThenRest(in, dataField, in.u32AtMost(sizeField, capacity))));
    }

    /** An ML-DSA-87 signature in its 4628-byte slot; the reserved last byte is sent as zero and ignored. */
    static Octets mldsaSignature(FieldReader in, String field) {
        Octets signature = in.bytes(field, MLDSA87_SIGNATURE);
        in.skip(field, MLDSA87_SIGNATURE_SLOT - MLDSA87_SIGNATURE);
        return signature;
    }

    static void mldsaSignature(FieldWriter out, Octets signature) {
        out.bytes(signature).zeros(MLDSA87_SIGNATURE_SLOT - MLDSA87_SIGNATURE);
    }

    static List<Integer> u32s(FieldReader in, String field, int count) {
        var values = new ArrayList<Integer>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.u32(field + "[" + i + "]"));
        }
        return List.copyOf(values);
    }

    static void u32s(FieldWriter out, List<Integer> values) {
        values.forEach(out::u32);
    }

    static List<Octets> octetsArray(FieldReader in, String field, int count, int size) {
        var values = new ArrayList<Octets>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.bytes(field + "[" + i + "]", size));
        }
        return List.copyOf(values);
    }

    static List<Integer> checkU32s(String field, List<Integer> values, int count) {
        List<Integer> copy = List.copyOf(values);
        if (copy.size() != count) {
            throw new IllegalArgumentException(field + " has " + count + " entries, got " + copy.size());
        }
        return copy;
    }

    static List<Octets> checkArray(String field, List<Octets> values, int count, int size) {
        List<Octets> copy = List.copyOf(values);
        if (copy.size() != count) {
            throw new IllegalArgumentException(field + " has " + count + " entries, got " + copy.size());
        }
        for (int i = 0; i < count; i++) {
            Fields.exactly(field + "[" + i + "]", copy.get(i), size);
        }
        return copy;
    }
}
