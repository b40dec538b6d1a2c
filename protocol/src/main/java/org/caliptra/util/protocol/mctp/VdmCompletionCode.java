package org.caliptra.util.protocol.mctp;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Completion codes of the Caliptra MCTP / SPDM vendor-defined messages (spec/hostlib.md §4.1): a
 * u32 LE after the command code on MCTP, a u8 on SPDM; the same values. The one place they are
 * written.
 */
public enum VdmCompletionCode {
    SUCCESS(0x00),
    GENERAL_ERROR(0x01),
    INVALID_PARAMETER(0x02),
    INVALID_LENGTH(0x03),
    INVALID_IDENTIFIER(0x04),
    OPERATION_FAILED(0x05),
    INSUFFICIENT_RESOURCES(0x06),
    UNSUPPORTED_OPERATION(0x07),
    DEVICE_NOT_READY(0x08),
    INVALID_COMMAND_VERSION(0x09),
    INVALID_PAYLOAD_SIZE(0x0A),
    TIMEOUT(0x0B),
    ACCESS_DENIED(0x0C),
    RESOURCE_UNAVAILABLE(0x0D),
    POLICY_VIOLATION(0x0E),
    INVALID_STATE(0x0F),
    CALIPTRA_MAILBOX_BUSY(0xC0),
    CALIPTRA_BUFFER_TOO_SMALL(0xC1);

    private static final Map<Integer, VdmCompletionCode> BY_VALUE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(VdmCompletionCode::value, Function.identity()));

    private final int value;

    VdmCompletionCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<VdmCompletionCode> fromValue(int value) {
        return Optional.ofNullable(BY_VALUE.get(value));
    }

    /** "ACCESS_DENIED (0x0C)", or "unknown completion code 0x1234" for a value outside the table. */
    public static String describe(int value) {
        return fromValue(value).map(c -> String.format("%s (0x%02X)", c.name(), value))
                .orElse(String.format("unknown completion code 0x%X", Integer.toUnsignedLong(value)));
    }
}
