package org.caliptra.util.protocol.regs;

/**
 * The 1.x SHA-512 accelerator as the SoC sees it (spec/device.md §1.6): offsets from {@link #BASE}.
 * The 1.x ECDSA384, LMS and ML-DSA verify commands take their digest from {@link #DIGEST}.
 */
public final class ShaAccRegs {
    public static final int BASE = 0x3002_1000;
    public static final int SIZE = 0x64;

    /** Read 0: the reader now holds the lock; read 1: someone else does. Write bit 0: release. */
    public static final int LOCK = 0x00;
    public static final int USER = 0x04;
    /** [1:0] {@link #MODE_STREAM_384} … {@link #MODE_MAILBOX_512}; [2] endian toggle (mailbox modes). */
    public static final int MODE = 0x08;
    public static final int START_ADDRESS = 0x0C;
    public static final int DLEN = 0x10;
    /** Stream modes: each word carries four message bytes, most significant first. */
    public static final int DATAIN = 0x14;
    public static final int EXECUTE = 0x18;
    /** [0] valid, [1] soc_has_lock. */
    public static final int STATUS = 0x1C;
    /** Sixteen words, the digest's bytes most significant first; SHA-384 fills the first twelve. */
    public static final int DIGEST = 0x20;
    public static final int DIGEST_WORDS = 16;
    /** [0] zeroize. */
    public static final int CONTROL = 0x60;

    public static final int MODE_STREAM_384 = 0;
    public static final int MODE_STREAM_512 = 1;
    public static final int MODE_MAILBOX_384 = 2;
    public static final int MODE_MAILBOX_512 = 3;
    public static final int MODE_ENDIAN_TOGGLE = 1 << 2;
    public static final int STATUS_VALID = 1;
    public static final int STATUS_SOC_HAS_LOCK = 1 << 1;

    private ShaAccRegs() {}
}
