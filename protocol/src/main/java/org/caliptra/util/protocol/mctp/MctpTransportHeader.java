package org.caliptra.util.protocol.mctp;

import org.caliptra.util.protocol.ProtocolException;

/**
 * The 4-byte MCTP transport header (DSP0236; spec/hostlib.md §4.1): byte 0 header version (bits
 * 3:0; bits 7:4 reserved), byte 1 destination EID, byte 2 source EID, byte 3 SOM (bit 7), EOM (6),
 * packet sequence (5:4), tag owner (3), message tag (2:0).
 */
public record MctpTransportHeader(int version, int destEid, int srcEid, boolean som, boolean eom, int packetSequence,
        boolean tagOwner, int messageTag) {
    public static final int SIZE = 4;
    /** The header version DSP0236 1.x defines, the only one a Caliptra endpoint accepts. */
    public static final int VERSION_1 = 1;

    public MctpTransportHeader {
        if (version < 0 || version > 0xF) {
            throw new IllegalArgumentException("header version is 4 bits: " + version);
        }
        if (destEid < 0 || destEid > 0xFF || srcEid < 0 || srcEid > 0xFF) {
            throw new IllegalArgumentException("an EID is a byte: " + destEid + ", " + srcEid);
        }
        if (packetSequence < 0 || packetSequence > 3) {
            throw new IllegalArgumentException("packet sequence is 2 bits: " + packetSequence);
        }
        if (messageTag < 0 || messageTag > 7) {
            throw new IllegalArgumentException("message tag is 3 bits: " + messageTag);
        }
    }

    public void encode(byte[] out, int offset) {
        out[offset] = (byte) version;
        out[offset + 1] = (byte) destEid;
        out[offset + 2] = (byte) srcEid;
        out[offset + 3] = (byte) ((som ? 0x80 : 0) | (eom ? 0x40 : 0) | packetSequence << 4 | (tagOwner ? 0x08 : 0) | messageTag);
    }

    public byte[] encode() {
        byte[] out = new byte[SIZE];
        encode(out, 0);
        return out;
    }

    /**
     * The header at {@code offset}; the reserved bits 7:4 of byte 0 are ignored, as endpoints do.
     *
     * @throws ProtocolException when fewer than 4 bytes remain
     */
    public static MctpTransportHeader decode(byte[] in, int offset) {
        if (in.length - offset < SIZE) {
            throw new ProtocolException("MCTP transport header: " + Math.max(0, in.length - offset) + " bytes, it has " + SIZE);
        }
        int flags = in[offset + 3] & 0xFF;
        return new MctpTransportHeader(in[offset] & 0x0F, in[offset + 1] & 0xFF, in[offset + 2] & 0xFF, (flags & 0x80) != 0,
                (flags & 0x40) != 0, (flags >>> 4) & 3, (flags & 0x08) != 0, flags & 7);
    }
}
