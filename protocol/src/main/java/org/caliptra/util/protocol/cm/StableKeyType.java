package org.caliptra.util.protocol.cm;

import java.util.Optional;

/**
 * The source CM_DERIVE_STABLE_KEY derives from (spec/device.md §4.4). Value 0 is reserved and has
 * no constant; the device answers it with its own error (DOT_INVALID_KEY_TYPE).
 */
public enum StableKeyType {
    IDEVID(1), LDEVID(2), OWNER_KEY(3);

    private final int value;

    StableKeyType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<StableKeyType> fromValue(int value) {
        for (StableKeyType t : values()) {
            if (t.value == value) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
