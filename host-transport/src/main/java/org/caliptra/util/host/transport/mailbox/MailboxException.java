package org.caliptra.util.host.transport.mailbox;

import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.error.CaliptraError;

/** A mailbox driver's failure (the reference MailboxError), mapped to a transport error above. */
public final class MailboxException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    public enum Kind { NOT_READY, TIMEOUT, INVALID_COMMAND, COMMUNICATION_ERROR, BUFFER_OVERFLOW, BUSY, DEVICE_ERROR }

    private final Kind kind;
    private final int deviceErrorCode;

    public MailboxException(Kind kind, String message) {
        this(kind, message, 0);
    }

    private MailboxException(Kind kind, String message, int deviceErrorCode) {
        super(message);
        this.kind = kind;
        this.deviceErrorCode = deviceErrorCode;
    }

    public static MailboxException deviceError(int code) {
        return new MailboxException(Kind.DEVICE_ERROR, "device reported " + CaliptraError.describe(code), code);
    }

    public Kind kind() {
        return kind;
    }

    /** The Caliptra error code for {@link Kind#DEVICE_ERROR}, else 0. */
    public int deviceErrorCode() {
        return deviceErrorCode;
    }
}
