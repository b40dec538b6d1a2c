package org.caliptra.util.protocol.socket;

/**
 * A message of one of the two ASPEED socket framings: a {@link FrameHeader} with the framing's
 * magic and the message's command, then the payload.
 */
public sealed interface SocketMessage permits CptrMessage, MboxMessage {
    int magic();

    int command();

    /** The payload bytes exactly as sent (payload_len of them). */
    byte[] payload();

    default FrameHeader header() {
        return FrameHeader.of(magic(), command(), payload().length);
    }

    /** Header and payload: the whole frame. */
    default byte[] encode() {
        byte[] payload = payload();
        byte[] frame = new byte[FrameHeader.SIZE + payload.length];
        FrameHeader.of(magic(), command(), payload.length).encodeInto(frame, 0);
        System.arraycopy(payload, 0, frame, FrameHeader.SIZE, payload.length);
        return frame;
    }
}
