package org.caliptra.util.protocol.dpe;

import java.util.Optional;

/**
 * The DPE profiles Caliptra implements (caliptra-dpe {@code DpeProfile}): P-384 with SHA-384 on
 * both generations, ML-DSA-87 on 2.x (INVOKE_DPE_MLDSA87). Both hash their TCIs with SHA-384.
 */
public enum DpeProfile {
    P256_SHA256(3),
    P384_SHA384(4),
    MLDSA87(5);

    /** Every TCI and measurement of Caliptra's DPE is a SHA-384 digest. */
    public static final int TCI_SIZE = 48;

    private final int value;

    DpeProfile(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static Optional<DpeProfile> fromValue(int value) {
        for (DpeProfile p : values()) {
            if (p.value == value) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
