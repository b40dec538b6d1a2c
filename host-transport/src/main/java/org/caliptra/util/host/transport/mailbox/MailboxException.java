package org.caliptra.util.host.transport.mailbox;

import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.error.CaliptraError;

/** A mailbox driver's failure (the reference MailboxError), mapped to a transport error above. */
public final class MailboxException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    /**
     * What went wrong. The kind also tells the session whether the device may have seen the
     * command, so drivers must pick it with that in mind: {@link #NOT_READY} and {@link #BUSY} promise
     * that nothing was sent; every other kind may follow a request that reached the device.
     */
    public enum Kind {
        /** The driver cannot talk to the device now (not connected, link down); nothing was sent. */
        NOT_READY,
        /** The request was handed over and no answer came in time. */
        TIMEOUT,
        /** The device or the driver rejected the command as malformed. */
        INVALID_COMMAND,
        /** The exchange broke part way; the request may have reached the device. */
        COMMUNICATION_ERROR,
        /** A request or response does not fit the driver's or the device's buffer. */
        BUFFER_OVERFLOW,
        /** The mailbox lock is held by another requester; nothing was sent. */
        BUSY,
        /** The device ran the command and reported CMD_FAILURE with a Caliptra error code. */
        DEVICE_ERROR
    }

    private final Kind kind;
    private final int deviceErrorCode;

    public MailboxException(Kind kind, String message) {
        this(kind, message, 0, null);
    }

    public MailboxException(Kind kind, String message, Throwable cause) {
        this(kind, message, 0, cause);
    }

    private MailboxException(Kind kind, String message, int deviceErrorCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.deviceErrorCode = deviceErrorCode;
    }

    public static MailboxException deviceError(int code) {
        return new MailboxException(Kind.DEVICE_ERROR, "device reported " + CaliptraError.describe(code), code, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The Caliptra error code for {@link Kind#DEVICE_ERROR}, else 0. */
    public int deviceErrorCode() {
        return deviceErrorCode;
    }
}
