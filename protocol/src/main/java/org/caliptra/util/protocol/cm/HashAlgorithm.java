package org.caliptra.util.protocol.cm;

import java.util.Optional;

/**
 * The hash algorithm of CM_SHA*, CM_HMAC and the KDFs (spec/device.md §4.4). Value 0 is reserved
 * and has no constant; the device answers it, like any unknown value, with its own error.
 */
public enum HashAlgorithm {
    SHA384(1, 48), SHA512(2, 64);

    private final int value;
    private final int digestSize;

    HashAlgorithm(int value, int digestSize) {
        this.value = value;
        this.digestSize = digestSize;
    }

    public int value() {
        return value;
    }

    /** Bytes of a digest or MAC: 48 or 64. */
    public int digestSize() {
        return digestSize;
    }

    public static Optional<HashAlgorithm> fromValue(int value) {
        for (HashAlgorithm a : values()) {
            if (a.value == value) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
