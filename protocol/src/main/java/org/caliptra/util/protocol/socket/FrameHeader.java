package org.caliptra.util.protocol.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.caliptra.util.protocol.ProtocolException;

/**
 * The 12-byte little-endian header both ASPEED socket framings ("CPTR" registers, "MBOX" mailbox
 * commands) put before every message: {@code u32 magic, u16 version, u16 command, u32 payload_len}.
 *
 * @param payloadLength the unsigned 32-bit payload_len, 0 to 0xFFFF_FFFF
 */
public record FrameHeader(int magic, int version, int command, long payloadLength) {
    public static final int SIZE = 12;
    /** The only version either framing defines. */
    public static final int VERSION = 1;
    /** Offsets of the fields, for messages that point at one. */
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int COMMAND_OFFSET = 6;
    public static final int LENGTH_OFFSET = 8;

    public FrameHeader {
        if ((version & ~0xFFFF) != 0 || (command & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("version and command are u16: " + version + ", " + command);
        }
        if (payloadLength < 0 || payloadLength > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("payload_len is a u32: " + payloadLength);
        }
    }

    /** A version-1 header. */
    public static FrameHeader of(int magic, int command, long payloadLength) {
        return new FrameHeader(magic, VERSION, command, payloadLength);
    }

    public byte[] encode() {
        byte[] out = new byte[SIZE];
        encodeInto(out, 0);
        return out;
    }

    /** Writes the 12 bytes at {@code offset} of {@code out}. */
    public void encodeInto(byte[] out, int offset) {
        ByteBuffer.wrap(out, offset, SIZE).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(magic).putShort((short) version).putShort((short) command).putInt((int) payloadLength);
    }

    /**
     * The header at {@code offset} of {@code bytes}; its fields are not judged here (that is the
     * framing's {@link SocketCodec#checkHeader}).
     *
     * @throws ProtocolException when fewer than 12 bytes are there
     */
    public static FrameHeader decode(byte[] bytes, int offset) {
        if (offset < 0 || bytes.length - offset < SIZE) {
            throw new ProtocolException("socket frame: " + Math.max(0, bytes.length - Math.max(offset, 0))
                    + " bytes, a header needs " + SIZE);
        }
        var b = ByteBuffer.wrap(bytes, offset, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        int magic = b.getInt();
        int version = Short.toUnsignedInt(b.getShort());
        int command = Short.toUnsignedInt(b.getShort());
        return new FrameHeader(magic, version, command, Integer.toUnsignedLong(b.getInt()));
    }

    /** The magic as the four characters of its big-endian reading ("CPTR"), or hex when they are not printable. */
    static String describeMagic(int magic) {
        var text = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (magic >>> shift) & 0xFF;
            if (c < 0x20 || c > 0x7E) {
                return String.format("0x%08X", magic);
            }
            text.append((char) c);
        }
        return String.format("0x%08X (\"%s\")", magic, text);
    }
}
