package org.caliptra.util.image.bundle;

import java.util.Optional;

/** FwVerificationPqcKeyType: the post-quantum algorithm of a 2.x image (and of the PQC fuse). */
public enum PqcKeyType {
    MLDSA(1, "mldsa"),
    LMS(3, "lms");

    private final int value;
    private final String cliName;

    PqcKeyType(int value, String cliName) {
        this.value = value;
        this.cliName = cliName;
    }

    public int value() {
        return value;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<PqcKeyType> fromValue(int value) {
        for (PqcKeyType t : values()) {
            if (t.value == value) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Key-descriptor capacity: LMS 32 hashes, ML-DSA 4. */
    public int maxKeys() {
        return this == LMS ? 32 : 4;
    }

    /** How many bytes of the 2592-byte key slot are the key. */
    public int publicKeySize() {
        return this == LMS ? 48 : 2592;
    }
}
