package org.caliptra.util.host.transport;

import java.util.OptionalInt;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.error.CaliptraError;

/** A failure below the session: the channel, the framing, or an error the device reported. */
public final class TransportException extends CaliptraException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, in the vocabulary of the reference TransportError. */
    public enum Kind {
        CONNECTION_FAILED,
        DISCONNECTED,
        SEND_FAILED,
        RECEIVE_FAILED,
        TIMEOUT,
        NOT_SUPPORTED,
        INVALID_MESSAGE,
        BUFFER_ERROR,
        BUSY,
        /** The device refused the command with a Caliptra error code. */
        DEVICE_ERROR
    }

    private final Kind kind;
    private final Integer deviceErrorCode;

    public TransportException(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public TransportException(Kind kind, String message, Throwable cause) {
        this(kind, message, null, cause);
    }

    private TransportException(Kind kind, String message, Integer deviceErrorCode, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.deviceErrorCode = deviceErrorCode;
    }

    /** The device answered CMD_FAILURE with {@code code}; the message names the code. */
    public static TransportException deviceError(String what, int code) {
        return new TransportException(Kind.DEVICE_ERROR,
                what + " failed on the device: " + CaliptraError.describe(code), code, null);
    }

    public Kind kind() {
        return kind;
    }

    public OptionalInt deviceErrorCode() {
        return deviceErrorCode == null ? OptionalInt.empty() : OptionalInt.of(deviceErrorCode);
    }
}
