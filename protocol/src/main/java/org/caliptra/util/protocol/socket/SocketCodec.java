package org.caliptra.util.protocol.socket;

import java.util.Arrays;
import org.caliptra.util.protocol.ProtocolException;

/**
 * One direction of one framing: what a reader of CPTR requests, CPTR replies, MBOX requests or
 * MBOX responses accepts. A stream reader judges the header with {@link #checkHeader} before it
 * reads (or allocates room for) the payload, then hands the payload to {@link #decodePayload}.
 *
 * @param <M> the messages of this direction
 */
public interface SocketCodec<M extends SocketMessage> {
    /** For messages: "CPTR request", "MBOX response". */
    String name();

    int magic();

    /** The largest payload_len any accepted header has. */
    long maxPayloadLength();

    /**
     * Judges magic, version, command and payload_len.
     *
     * @throws ProtocolException naming the field, its offset and value, and what was expected
     */
    void checkHeader(FrameHeader header);

    /**
     * The message of a header that passed {@link #checkHeader} and its payload.
     *
     * @throws ProtocolException when the payload does not have the length or fields the command needs
     */
    M decodePayload(FrameHeader header, byte[] payload);

    /** A whole frame: header, then exactly payload_len bytes. */
    default M decode(byte[] frame) {
        FrameHeader header = FrameHeader.decode(frame, 0);
        checkHeader(header);
        long expected = FrameHeader.SIZE + header.payloadLength();
        if (frame.length != expected) {
            throw new ProtocolException(String.format("%s: frame of %d bytes, header says %d (12 + payload_len %d)", name(),
                    frame.length, expected, header.payloadLength()));
        }
        return decodePayload(header, Arrays.copyOfRange(frame, FrameHeader.SIZE, frame.length));
    }

    /** The checks every framing makes first: its magic, then version 1. */
    static void checkMagicAndVersion(String name, int magic, FrameHeader header) {
        if (header.magic() != magic) {
            throw new ProtocolException(String.format("%s: magic %s at offset %d, expected %s", name,
                    FrameHeader.describeMagic(header.magic()), FrameHeader.MAGIC_OFFSET, FrameHeader.describeMagic(magic)));
        }
        if (header.version() != FrameHeader.VERSION) {
            throw new ProtocolException(String.format("%s: version %d at offset %d, expected %d", name, header.version(),
                    FrameHeader.VERSION_OFFSET, FrameHeader.VERSION));
        }
    }
}
