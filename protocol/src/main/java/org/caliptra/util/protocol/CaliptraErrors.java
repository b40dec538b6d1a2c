package org.caliptra.util.protocol;

import java.util.Map;
import java.util.Optional;

/**
 * Names of Caliptra firmware error codes (spec/device.md §2.4, §3.4), so every message that carries
 * a code can also carry its name.
 */
public final class CaliptraErrors {
    public static final int RUNTIME_UNIMPLEMENTED_COMMAND = 0x000E_0002;
    public static final int RUNTIME_INVALID_CHECKSUM = 0x000E_0005;
    public static final int RUNTIME_MAILBOX_INVALID_PARAMS = 0x000E_0009;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x000B_0001, "IMAGE_VERIFIER_ERR_MANIFEST_MARKER_MISMATCH"),
            Map.entry(0x000B_0002, "IMAGE_VERIFIER_ERR_MANIFEST_SIZE_MISMATCH"),
            Map.entry(0x000B_0003, "IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_INVALID"),
            Map.entry(0x000B_0005, "IMAGE_VERIFIER_ERR_VENDOR_PUB_KEY_DIGEST_MISMATCH"),
            Map.entry(0x000B_0007, "IMAGE_VERIFIER_ERR_OWNER_PUB_KEY_DIGEST_MISMATCH"),
            Map.entry(0x000B_000C, "IMAGE_VERIFIER_ERR_VENDOR_ECC_SIGNATURE_INVALID"),
            Map.entry(0x0102_0001, "FW_PROC_MANIFEST_READ_FAILURE"),
            Map.entry(0x0102_0002, "FW_PROC_INVALID_IMAGE_SIZE"),
            Map.entry(0x0102_0004, "FW_PROC_MAILBOX_INVALID_COMMAND"),
            Map.entry(0x0102_0005, "FW_PROC_MAILBOX_INVALID_CHECKSUM"),
            Map.entry(0x0102_0006, "FW_PROC_MAILBOX_INVALID_REQUEST_LENGTH"),
            Map.entry(0x0102_0008, "FW_PROC_MAILBOX_STASH_MEASUREMENT_MAX_LIMIT"),
            Map.entry(RUNTIME_UNIMPLEMENTED_COMMAND, "RUNTIME_UNIMPLEMENTED_COMMAND"),
            Map.entry(RUNTIME_INVALID_CHECKSUM, "RUNTIME_INVALID_CHECKSUM"),
            Map.entry(0x000E_0008, "RUNTIME_SHUTDOWN"),
            Map.entry(RUNTIME_MAILBOX_INVALID_PARAMS, "RUNTIME_MAILBOX_INVALID_PARAMS"),
            Map.entry(0x000E_0016, "RUNTIME_INCORRECT_PAUSER_PRIVILEGE_LEVEL"));

    private CaliptraErrors() {}

    public static Optional<String> nameOf(int code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    /** {@code NAME (0x000E0002)}, or just the hex code when the name is not known. */
    public static String describe(int code) {
        String hex = String.format("0x%08X", code);
        return nameOf(code).map(n -> n + " (" + hex + ")").orElse(hex);
    }
}
