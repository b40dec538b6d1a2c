package org.caliptra.util.emulator.runtime.cm;

import java.util.Arrays;
import org.caliptra.util.emulator.firmware.Trng;

/**
 * The cryptographic mailbox's key-encryption key: two 32-byte shares the 2.x ROM draws from the
 * TRNG at cold boot and keeps in its persistent data; the AES engine uses their XOR. It survives
 * update resets (CMKs stay valid) and dies with the next cold boot (every CMK becomes invalid).
 */
public final class CmKek {
    static final int SHARE_SIZE = 32;

    private final byte[] share0;
    private final byte[] share1;

    private CmKek(byte[] share0, byte[] share1) {
        this.share0 = share0;
        this.share1 = share1;
    }

    /** Two TRNG draws, the first eight words of each, as the ROM's generate_cmb_aes_key takes them. */
    public static CmKek generate(Trng trng) {
        return new CmKek(Arrays.copyOf(trng.draw(), SHARE_SIZE), Arrays.copyOf(trng.draw(), SHARE_SIZE));
    }

    /** The AES-256 key the engine forms from the split shares. */
    byte[] key() {
        byte[] k = new byte[SHARE_SIZE];
        for (int i = 0; i < SHARE_SIZE; i++) {
            k[i] = (byte) (share0[i] ^ share1[i]);
        }
        return k;
    }

    @Override
    public String toString() {
        return "CmKek[redacted]"; // keys are never logged
    }
}
