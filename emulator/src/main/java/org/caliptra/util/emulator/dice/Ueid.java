package org.caliptra.util.emulator.dice;

import org.caliptra.util.protocol.Generation;
import org.caliptra.util.protocol.Octets;

/**
 * The device's UEID from FUSE_IDEVID_CERT_ATTR (spec/device.md §5.4): the type byte, then the four
 * serial words little-endian. Apart from {@link DiceIdentity} because the MCU reports it
 * (MC_DEVICE_INFO, debug unlock) on devices that never derive an identity, and loading the identity
 * classes would load Bouncy Castle with them.
 */
public final class Ueid {
    private Ueid() {}

    /** The 17 bytes of the UEID of a part with {@code certAttr}. */
    public static byte[] of(Generation generation, Octets certAttr) {
        int typeWord = generation == Generation.V1 ? 6 : 11;
        byte[] ueid = new byte[17];
        ueid[0] = (byte) attrWord(certAttr, typeWord);
        for (int i = 0; i < 4; i++) {
            int w = attrWord(certAttr, typeWord + 1 + i);
            for (int b = 0; b < 4; b++) {
                ueid[1 + 4 * i + b] = (byte) (w >>> (8 * b));
            }
        }
        return ueid;
    }

    /** Word {@code i} of FUSE_IDEVID_CERT_ATTR as the ROM reads the register. */
    static int attrWord(Octets certAttr, int i) {
        byte[] b = certAttr.slice(4 * i, 4).toByteArray();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }
}
