package org.caliptra.util.host.session;

import org.caliptra.util.protocol.CaliptraException;

/** A session used in the wrong state, a response that does not fit its command, or an interrupted wait. */
public final class SessionException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The session is not in a state that allows the call (not connected, already connected, closed). */
        INVALID_STATE,
        /** The device's response does not decode as the command's response. */
        DECODE_FAILED,
        /** The calling thread was interrupted while it waited; its interrupt flag is set again. */
        INTERRUPTED
    }

    private final Reason reason;

    public SessionException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SessionException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
