package org.caliptra.util.cbinding;

import java.util.OptionalInt;
import org.caliptra.util.cli.booted.DeviceFailureException;
import org.caliptra.util.cli.target.TargetException;
import org.caliptra.util.host.commands.DeviceErrorException;
import org.caliptra.util.host.session.SessionException;
import org.caliptra.util.host.transport.TransportException;
import org.caliptra.util.protocol.ProtocolException;

/** The C {@code CaliptraError} values (spec/hostlib.md §5.1), and how Java failures map onto them. */
enum CError {
    SUCCESS(0, "Success"), UNKNOWN(1, "Unknown"), INVALID_ARGUMENT(2, "InvalidArgument"), TIMEOUT(3, "Timeout"),
    NOT_SUPPORTED(4, "NotSupported"), TRANSPORT(5, "Transport"), PROTOCOL(6, "Protocol"), DEVICE(7, "Device"),
    MEMORY(8, "Memory"), BUSY(9, "Busy"), STATE(10, "State"), IO(11, "IO");

    final int code;
    final String cName;

    CError(int code, String cName) {
        this.code = code;
        this.cName = cName;
    }

    /** The value a C callback returned; UNKNOWN for one outside the enumeration. */
    static CError fromCode(int code) {
        return code >= 0 && code < values().length ? values()[code] : UNKNOWN;
    }

    /** "NotSupported (4)", or "99 (not a CaliptraError)". */
    static String name(int code) {
        return code >= 0 && code < values().length ? values()[code].cName + " (" + code + ")" : code + " (not a CaliptraError)";
    }

    static CError of(Throwable t) {
        if (t instanceof TargetException || t instanceof IllegalArgumentException) {
            return INVALID_ARGUMENT;
        }
        if (t instanceof DeviceErrorException || t instanceof DeviceFailureException) {
            return DEVICE;
        }
        if (t instanceof SessionException s) {
            return switch (s.reason()) {
                case INVALID_STATE -> STATE;
                case DECODE_FAILED -> PROTOCOL;
                default -> UNKNOWN;
            };
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
                case BUFFER_ERROR -> MEMORY;
                default -> TRANSPORT;
            };
        }
        if (t instanceof OutOfMemoryError) {
            return MEMORY;
        }
        return UNKNOWN;
    }

    /** The device's own error code behind a Device failure: a Caliptra error or a VDM completion code. */
    static OptionalInt deviceCode(Throwable t) {
        if (t instanceof DeviceErrorException d) {
            return OptionalInt.of(d.code());
        }
        if (t instanceof TransportException te && te.kind() == TransportException.Kind.DEVICE_ERROR) {
            return te.deviceErrorCode().isPresent() ? te.deviceErrorCode() : te.vdmCompletionCode();
        }
        return OptionalInt.empty();
    }
}
