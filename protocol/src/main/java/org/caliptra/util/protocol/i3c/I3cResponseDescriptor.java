package org.caliptra.util.protocol.i3c;

import org.caliptra.util.protocol.ProtocolException;

/**
 * The TCRI response descriptor a target's frame carries (spec/hostlib.md §4.4), a u32 LE: bits 15:0
 * data_length, 27:24 tid, 31:28 err_status; bits 23:16 are reserved and 0. An IBI carries an
 * all-zero descriptor.
 */
public record I3cResponseDescriptor(int dataLength, int tid, int errStatus) {
    public static final int SIZE = 4;
    public static final I3cResponseDescriptor EMPTY = new I3cResponseDescriptor(0, 0, 0);

    public I3cResponseDescriptor {
        if (dataLength < 0 || dataLength > 0xFFFF) {
            throw new IllegalArgumentException("data_length must fit in 16 bits: " + dataLength);
        }
        if (tid < 0 || tid > 0xF || errStatus < 0 || errStatus > 0xF) {
            throw new IllegalArgumentException("tid and err_status are 4 bits: " + tid + ", " + errStatus);
        }
    }

    /** A successful read of {@code dataLength} bytes. */
    public static I3cResponseDescriptor ofData(int dataLength) {
        return new I3cResponseDescriptor(dataLength, 0, 0);
    }

    public int raw() {
        return dataLength | tid << 24 | errStatus << 28;
    }

    public void encode(byte[] out, int offset) {
        int raw = raw();
        for (int i = 0; i < SIZE; i++) {
            out[offset + i] = (byte) (raw >>> (8 * i));
        }
    }

    /** @throws ProtocolException when the reserved bits 23:16 are not 0 */
    public static I3cResponseDescriptor decode(byte[] in, int offset) {
        int raw = (in[offset] & 0xFF) | (in[offset + 1] & 0xFF) << 8 | (in[offset + 2] & 0xFF) << 16 | (in[offset + 3] & 0xFF) << 24;
        if ((raw & 0x00FF_0000) != 0) {
            throw new ProtocolException(String.format("I3C response descriptor 0x%08X: reserved bits 23:16 are 0x%02X, must be 0", raw,
                    (raw >>> 16) & 0xFF));
        }
        return new I3cResponseDescriptor(raw & 0xFFFF, (raw >>> 24) & 0xF, raw >>> 28);
    }
}
