package org.caliptra.util.protocol.dpe;

import java.util.Optional;
import org.caliptra.util.protocol.Generation;

/**
 * A DPE response's status (caliptra-dpe {@code DpeErrorCode}): the named codes, each with the
 * generations whose DPE has it, and the families whose low bits carry a sub-code: platform
 * (0x01xx_xxxx), crypto (0x02xx_xxxx) and validation (0x03xx_xxxx).
 */
public enum DpeStatus {
    NO_ERROR(0, true),
    INTERNAL_ERROR(1, true),
    INVALID_COMMAND(2, true),
    INVALID_ARGUMENT(3, true),
    ARGUMENT_NOT_SUPPORTED(4, true),
    X509_CSR_UNSET(5, false),
    X509_INVALID_STATE(6, false),
    X509_SKIPS_EXHAUSTED(7, false),
    X509_INVALID_WIDTH(8, false),
    X509_ALGORITHM_MISMATCH(9, false),
    INVALID_PARENT_LOCALITY(0x85, false),
    INVALID_HANDLE(0x1000, true),
    INVALID_LOCALITY(0x1001, true),
    MAX_TCIS(0x1003, true),
    INVALID_MUT_REF_BUF(0x1004, false),
    INVALID_RESPONSE_BUF(0x1005, false),
    UNINITIALIZED_RESPONSE_HEADER(0x1006, false);

    public static final int PLATFORM = 0x0100_0000;
    public static final int CRYPTO = 0x0200_0000;
    public static final int VALIDATION = 0x0300_0000;
    /** Platform CertificateChainError: GET_CERTIFICATE_CHAIN at an offset past the end of the chain. */
    public static final int PLATFORM_CERTIFICATE_CHAIN = PLATFORM | 1;

    private final int code;
    private final boolean inV1;

    DpeStatus(int code, boolean inV1) {
        this.code = code;
        this.inV1 = inV1;
    }

    public int code() {
        return code;
    }

    /** Whether the DPE of {@code generation} has this code (1.2 has the first five and the 0x100x three). */
    public boolean existsIn(Generation generation) {
        return generation == Generation.V2 || inV1;
    }

    public static Optional<DpeStatus> of(int code) {
        for (DpeStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A status as a person reads it: "INVALID_HANDLE (0x1000)", "crypto error 0x7 (0x02000007)". */
    public static String describe(int code) {
        var named = of(code);
        if (named.isPresent()) {
            return named.get().name() + String.format(" (0x%X)", code);
        }
        String family = switch (code & 0xFF00_0000) {
            case PLATFORM -> "platform";
            case CRYPTO -> "crypto";
            case VALIDATION -> "validation";
            default -> null;
        };
        return family == null ? String.format("unknown DPE status 0x%08X", code)
                : String.format("%s error 0x%X (0x%08X)", family, code & 0xFF_FFFF, code);
    }
}
