package org.caliptra.util.protocol.cm;

import java.util.Optional;

/**
 * The unauthenticated AES mode of CM_AES_ENCRYPT_INIT and CM_AES_DECRYPT_INIT (spec/device.md
 * §4.4). Value 0 is reserved and has no constant; the device answers it with its own error.
 */
public enum AesMode {
    CBC(1), CTR(2);

    private final int value;

    AesMode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<AesMode> fromValue(int value) {
        for (AesMode m : values()) {
            if (m.value == value) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
