package org.caliptra.util.cbinding;

import org.caliptra.util.cli.target.TargetException;
import org.caliptra.util.host.session.SessionException;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.protocol.ProtocolException;

/** The C {@code CaliptraError} values (spec/hostlib.md §5.1), and how Java failures map onto them. */
enum CError {
    SUCCESS(0), UNKNOWN(1), INVALID_ARGUMENT(2), TIMEOUT(3), NOT_SUPPORTED(4), TRANSPORT(5), PROTOCOL(6),
    DEVICE(7), MEMORY(8), BUSY(9), STATE(10), IO(11);

    final int code;

    CError(int code) {
        this.code = code;
    }

    static CError of(Throwable t) {
        if (t instanceof TargetException || t instanceof IllegalArgumentException) {
            return INVALID_ARGUMENT;
        }
        if (t instanceof SessionException s) {
            return s.reason() == SessionException.Reason.INVALID_STATE ? STATE : PROTOCOL;
        }
        if (t instanceof ProtocolException) {
            return PROTOCOL;
        }
        if (t instanceof TransportException te) {
            return switch (te.kind()) {
                case DEVICE_ERROR -> DEVICE;
                case TIMEOUT -> TIMEOUT;
                case BUSY -> BUSY;
                case NOT_SUPPORTED -> NOT_SUPPORTED;
                case INVALID_MESSAGE -> PROTOCOL;
                case DISCONNECTED -> STATE;
                default -> TRANSPORT;
            };
        }
        if (t instanceof OutOfMemoryError) {
            return MEMORY;
        }
        return UNKNOWN;
    }
}
