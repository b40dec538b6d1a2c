package org.caliptra.util.emulator.runtime.dpe;

import org.caliptra.util.protocol.dpe.DpeStatus;

/** A DPE command that fails: DPE answers with a bare response header carrying {@code status}. */
final class DpeError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** Platform CertificateChainError: GET_CERTIFICATE_CHAIN past the end of the chain. */
    static final int PLATFORM_CERTIFICATE_CHAIN = DpeStatus.PLATFORM_CERTIFICATE_CHAIN;
    static final int CRYPTO_INVALID_EXPORTED_CDI_HANDLE = DpeStatus.CRYPTO | 6;
    static final int CRYPTO_EXPORTED_CDI_DUPLICATE = DpeStatus.CRYPTO | 7;
    static final int PLATFORM_MISSING_UEID = DpeStatus.PLATFORM | 0xA;

    private final int status;

    DpeError(int status, String detail) {
        super(detail, null, false, false);
        this.status = status;
    }

    DpeError(DpeStatus status, String detail) {
        this(status.code(), detail);
    }

    int status() {
        return status;
    }
}
