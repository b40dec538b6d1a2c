package org.caliptra.util.host.transport;

import java.util.Objects;
import java.util.OptionalInt;
import org.caliptra.util.protocol.CaliptraException;
import org.caliptra.util.protocol.error.CaliptraError;
import org.caliptra.util.protocol.mctp.VdmCompletionCode;

/**
 * A failure below the session: the channel, the framing, or an error the device reported.
 *
 * <p>Besides its {@link Kind}, every failure says in which {@link Phase} it happened, because a
 * session that retries must know whether the device may already have run the command: replaying a
 * command that consumes a challenge or burns a fuse is only safe when nothing was sent.
 *
 * <p>A device's own answer keeps its code: a mailbox command's Caliptra error code
 * ({@link #deviceErrorCode()}) or an MCTP-VDM completion code ({@link #vdmCompletionCode()}); the
 * two are different number spaces and are never mixed.
 */
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
        /** The device's mailbox was locked by another requester: nothing was sent. */
        BUSY,
        /** The device refused the command with a Caliptra error code or a VDM completion code. */
        DEVICE_ERROR;

        /**
         * The phase a failure of this kind is in when whoever raises it does not say: only the
         * kinds that by definition stop before the request leaves (not connected, no mapping,
         * mailbox locked) are {@link Phase#BEFORE_SEND}; every other kind may have reached the
         * device, the safe assumption.
         */
        Phase defaultPhase() {
            return switch (this) {
                case DISCONNECTED, NOT_SUPPORTED, BUSY -> Phase.BEFORE_SEND;
                default -> Phase.AFTER_SEND;
            };
        }
    }

    /** How far a command got before it failed. */
    public enum Phase {
        /** Nothing reached the device: the command certainly did not run. */
        BEFORE_SEND,
        /** The request may have reached the device; whether it ran is unknown (or it ran and was refused). */
        AFTER_SEND
    }

    private final Kind kind;
    private final Phase phase;
    private final Integer deviceErrorCode;
    private final Integer vdmCompletionCode;

    public TransportException(Kind kind, String message) {
        this(kind, kind.defaultPhase(), message, null, null, null);
    }

    public TransportException(Kind kind, String message, Throwable cause) {
        this(kind, kind.defaultPhase(), message, null, null, cause);
    }

    public TransportException(Kind kind, Phase phase, String message, Throwable cause) {
        this(kind, phase, message, null, null, cause);
    }

    private TransportException(Kind kind, Phase phase, String message, Integer deviceErrorCode, Integer vdmCompletionCode,
            Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.phase = Objects.requireNonNull(phase, "phase");
        this.deviceErrorCode = deviceErrorCode;
        this.vdmCompletionCode = vdmCompletionCode;
    }

    /** The device answered CMD_FAILURE with the Caliptra error {@code code}; the message names it. */
    public static TransportException deviceError(String what, int code) {
        return new TransportException(Kind.DEVICE_ERROR, Phase.AFTER_SEND,
                what + " failed on the device: " + CaliptraError.describe(code), code, null, null);
    }

    /**
     * The device answered a vendor-defined message with the non-zero completion code
     * {@code completionCode}; the message names it (e.g. "ACCESS_DENIED (0x0C)").
     */
    public static TransportException vdmDeviceError(String what, int completionCode) {
        if (completionCode == VdmCompletionCode.SUCCESS.value()) {
            throw new IllegalArgumentException("completion code SUCCESS is not an error");
        }
        return new TransportException(Kind.DEVICE_ERROR, Phase.AFTER_SEND,
                what + " failed on the device: completion code " + VdmCompletionCode.describe(completionCode), null,
                completionCode, null);
    }

    public Kind kind() {
        return kind;
    }

    public Phase phase() {
        return phase;
    }

    /** Whether the device may have run the command (or did run it and refused it). */
    public boolean mayHaveExecuted() {
        return phase == Phase.AFTER_SEND;
    }

    /** The Caliptra error code of a mailbox {@link Kind#DEVICE_ERROR}. */
    public OptionalInt deviceErrorCode() {
        return deviceErrorCode == null ? OptionalInt.empty() : OptionalInt.of(deviceErrorCode);
    }

    /** The completion code of an MCTP-VDM {@link Kind#DEVICE_ERROR}. */
    public OptionalInt vdmCompletionCode() {
        return vdmCompletionCode == null ? OptionalInt.empty() : OptionalInt.of(vdmCompletionCode);
    }

    /**
     * The same failure (kind, phase, codes) with {@code context} in front of the message, e.g. the
     * command that was running; this exception becomes the cause.
     */
    public TransportException withContext(String context) {
        return new TransportException(kind, phase, context + ": " + getMessage(), deviceErrorCode, vdmCompletionCode, this);
    }
}
