package org.caliptra.util.protocol.codec;

/** Byte sizes of the ECC P-384 and ML-DSA-87 fields that core, CM_* and MC_* messages all carry. */
public final class CryptoSizes {
    /** A P-384 scalar or coordinate (signature r or s, public key x or y), big-endian. */
    public static final int ECC384_SCALAR = 48;
    public static final int MLDSA87_PUBLIC_KEY = 2592;
    /** FIPS 204 signature length; the mailbox slot is one byte longer so that it ends word-aligned. */
    public static final int MLDSA87_SIGNATURE = 4627;
    public static final int MLDSA87_SIGNATURE_SLOT = 4628;

    private CryptoSizes() {}
}
