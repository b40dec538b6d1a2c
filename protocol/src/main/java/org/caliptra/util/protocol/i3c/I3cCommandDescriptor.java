package org.caliptra.util.protocol.i3c;

import org.caliptra.util.protocol.ProtocolException;

/**
 * The 64-bit TCRI transfer command a controller sends on the I3C socket (spec/hostlib.md §4.4),
 * carried as two u32 LE words — which is the u64 in little-endian byte order. The socket uses the
 * regular transfer (cmd_attr 0): bit 29 RnW (1 = private read), bits 63:48 data_length (bytes
 * written; for a read, the bytes asked for, 0 meaning the target's default). Other fields (tid,
 * mode, …) are kept as sent and not interpreted.
 *
 * @param raw the 64-bit descriptor
 */
public record I3cCommandDescriptor(long raw) {
    public static final int SIZE = 8;
    /** cmd_attr of a regular transfer, the only one this socket carries. */
    public static final int CMD_ATTR_REGULAR = 0;
    private static final long RNW = 1L << 29;

    public static I3cCommandDescriptor privateWrite(int length) {
        return new I3cCommandDescriptor(lengthField(length));
    }

    /** @param length bytes asked for; 0 lets the target send what it has */
    public static I3cCommandDescriptor privateRead(int length) {
        return new I3cCommandDescriptor(lengthField(length) | RNW);
    }

    private static long lengthField(int length) {
        if (length < 0 || length > 0xFFFF) {
            throw new IllegalArgumentException("data_length must fit in 16 bits: " + length);
        }
        return (long) length << 48;
    }

    /** Bits 2:0: 0 regular, 1 immediate, 3 combo. */
    public int cmdAttr() {
        return (int) (raw & 7);
    }

    /** Bit 29: a private read (the target answers with data) rather than a write. */
    public boolean read() {
        return (raw & RNW) != 0;
    }

    /** Bits 63:48. */
    public int dataLength() {
        return (int) (raw >>> 48) & 0xFFFF;
    }

    public void encode(byte[] out, int offset) {
        for (int i = 0; i < SIZE; i++) {
            out[offset + i] = (byte) (raw >>> (8 * i));
        }
    }

    public static I3cCommandDescriptor decode(byte[] in, int offset) {
        long raw = 0;
        for (int i = 0; i < SIZE; i++) {
            raw |= (in[offset + i] & 0xFFL) << (8 * i);
        }
        return new I3cCommandDescriptor(raw);
    }

    /**
     * @throws ProtocolException unless this is a regular transfer whose data_length is at most
     *     {@link I3cCommandFrame#MAX_DATA_LENGTH}
     */
    public I3cCommandDescriptor checkSupported() {
        if (cmdAttr() != CMD_ATTR_REGULAR) {
            throw new ProtocolException(String.format("I3C command descriptor 0x%016X: cmd_attr %d (%s) is not supported, only 0 "
                    + "(regular transfer)", raw, cmdAttr(), cmdAttr() == 1 ? "immediate" : cmdAttr() == 3 ? "combo" : "reserved"));
        }
        if (dataLength() > I3cCommandFrame.MAX_DATA_LENGTH) {
            throw new ProtocolException(String.format("I3C command descriptor 0x%016X: data_length %d exceeds %d", raw, dataLength(),
                    I3cCommandFrame.MAX_DATA_LENGTH));
        }
        return this;
    }
}
