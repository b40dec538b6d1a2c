package org.caliptra.util.host.session;

/**
 * One typed command of the catalogue, as the session runs it: its internal id, the internal
 * request struct it encodes to (exact size, spec/hostlib.md §2.3), and how the internal response
 * struct decodes into {@code R}. Requests are immutable records; the byte arrays never leave the
 * session.
 *
 * @param <R> the typed response
 */
public interface Command<R> {
    /** The internal command id (spec/hostlib.md §2.1), e.g. 0x0001 for GetFirmwareVersion. */
    int commandId();

    /** A name for messages and statistics, e.g. "GetFirmwareVersion". */
    String name();

    /** The internal request struct. */
    byte[] encodeRequest();

    /**
     * The internal response struct → {@code R}.
     *
     * @throws org.caliptra.util.protocol.ProtocolException when the bytes do not have the command's shape
     */
    R decodeResponse(byte[] internalResponse);

    /**
     * Whether running the command twice has the same effect as running it once, so the session may
     * replay it after a transport failure that left unknown whether the device executed it. Reads
     * are idempotent; anything that consumes a challenge, advances a context, allocates a key or
     * burns a fuse is not.
     */
    default boolean idempotent() {
        return false;
    }
}
