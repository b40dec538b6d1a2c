package org.caliptra.util.emulator.firmware;

import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.prng.EntropySource;
import org.bouncycastle.crypto.prng.drbg.HMacSP800DRBG;
import org.caliptra.util.protocol.Octets;

/**
 * The device's TRNG as the firmware sees it: 48-byte draws (one {@code trng.generate()} of the
 * reference drivers). Emulated by an HMAC-DRBG (SHA-384) seeded from the device configuration, so a
 * device built twice with the same configuration draws the same sequence, and every result that
 * the firmware derives from "randomness" (context handles, CMK keys, nonces) reproduces.
 */
public final class Trng {
    /** Bytes per draw: the TRNG driver returns twelve words. */
    public static final int DRAW = 48;

    private final byte[] seed;
    // Made on the first draw, in its own class: a device that never boots (get-device-id through
    // the MCU) loads no Bouncy Castle class, not even to verify this one.
    private Drbg drbg;

    public Trng(Octets seed) {
        this.seed = seed.toByteArray();
    }

    private Drbg drbg() {
        if (drbg == null) {
            drbg = new Drbg(seed.clone());
        }
        return drbg;
    }

    private static final class Drbg {
        private final HMacSP800DRBG engine;

        Drbg(byte[] entropy) {
            EntropySource source = new EntropySource() {
                @Override
                public boolean isPredictionResistant() {
                    return false;
                }

                @Override
                public byte[] getEntropy() {
                    return entropy.clone();
                }

                @Override
                public int entropySize() {
                    return entropy.length * 8;
                }
            };
            engine = new HMacSP800DRBG(new HMac(new SHA384Digest()), 256, source, "caliptra TRNG".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII), new byte[0]);
        }

        void generate(byte[] out) {
            if (engine.generate(out, null, false) < 0) {
                engine.reseed(null);
                engine.generate(out, null, false);
            }
        }

        void reseed(byte[] additionalInput) {
            engine.reseed(additionalInput);
        }
    }

    /** One draw of {@link #DRAW} bytes. */
    public synchronized byte[] draw() {
        byte[] out = new byte[DRAW];
        drbg().generate(out);
        return out;
    }

    /** CM_RANDOM_STIR: the caller's bytes go into the DRBG as additional input to a reseed. */
    public synchronized void stir(byte[] additionalInput) {
        drbg().reseed(additionalInput);
    }

    /**
     * {@code n} bytes as the firmware's rand_bytes takes them: one draw per started 48 bytes, the
     * tail of the last draw discarded.
     */
    public byte[] bytes(int n) {
        byte[] out = new byte[n];
        for (int off = 0; off < n; off += DRAW) {
            System.arraycopy(draw(), 0, out, off, Math.min(DRAW, n - off));
        }
        return out;
    }
}
