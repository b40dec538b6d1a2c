package org.caliptra.util.emulator.mcu.fuse;

/** An OTP access the fuse controller (or the reference's DAI helpers in front of it) refuses. */
public final class OtpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why; the MCU maps the first four to INVALID_PARAMS and the rest to a general failure, as the reference does. */
    public enum Kind {
        /** No such word, partition or entry. */
        OUT_OF_RANGE,
        /** The write would turn a burnt 1 back into 0 (ROM_OTP_FUSE_DAI_WRITE_ERROR). */
        CLEARS_BITS,
        /** A read of a secret partition (ROM_OTP_FUSE_SECRET_READ_DENIED). */
        SECRET,
        /** A provisioning request the firmware's rules refuse (the reference's ErrorCode::Invalid). */
        REFUSED,
        /** The partition's digest is written: it takes no more writes. */
        LOCKED,
        /** A digest word or the life-cycle partition, which only the controller itself writes. */
        NOT_WRITABLE,
        /** A partition without a digest cannot be locked (ROM_OTP_FUSE_LOCK_ERROR). */
        NO_DIGEST
    }

    private final Kind kind;

    public OtpException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the reference MCU answers this with INVALID_PARAMS (its ErrorCode::Invalid). */
    public boolean invalidParameter() {
        return kind == Kind.OUT_OF_RANGE || kind == Kind.CLEARS_BITS || kind == Kind.SECRET || kind == Kind.REFUSED;
    }
}
