package org.caliptra.util.host.commands;

import java.util.Arrays;
import java.util.Optional;

/** The asymmetric algorithm of attestation, attested CSRs and IDevID CSRs (reference {@code AsymAlgo}). */
public enum AsymAlgorithm {
    ECC_P384(1), MLDSA87(2);

    private final int value;

    AsymAlgorithm(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<AsymAlgorithm> fromValue(int value) {
        return Arrays.stream(values()).filter(a -> a.value == value).findFirst();
    }
}
