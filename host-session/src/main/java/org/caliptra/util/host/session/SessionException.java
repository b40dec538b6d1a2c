package org.caliptra.util.host.session;

import org.caliptra.util.protocol.CaliptraException;

/** A session used in the wrong state, or a response that does not fit the command. */
public final class SessionException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The session is not in a state that allows the call (not connected, already connected). */
        INVALID_STATE,
        /** The response does not have the size the command defines. */
        RESPONSE_SIZE
    }

    private final Reason reason;

    public SessionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
