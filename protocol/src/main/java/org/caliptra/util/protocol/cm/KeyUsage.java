package org.caliptra.util.protocol.cm;

import java.util.Optional;

/**
 * What a CMK may be used for (spec/device.md §4.4). Value 0 is reserved and has no constant: every
 * command that carries a key usage answers 0 or an unknown value with its own error, so records
 * keep the raw u32 and offer this enum through a typed accessor.
 */
public enum KeyUsage {
    HMAC(1), AES(2), ECDSA(3), MLDSA(4), MLKEM(5);

    private final int value;

    KeyUsage(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<KeyUsage> fromValue(int value) {
        for (KeyUsage u : values()) {
            if (u.value == value) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
