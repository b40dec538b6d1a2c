package org.caliptra.util.emulator.dice;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The 2.x stable keys (CM_DERIVE_STABLE_KEY): a 64-byte HMAC key that is the same at every cold
 * boot of a device, derived from the stable identity root the ROM keeps in the key vault
 * (IDevID- or LDevID-based): k0 = AES-256-CMAC KDF (SP 800-108 counter mode, four rounds,
 * counter ‖ info) keyed by the root's first 32 bytes, then HMAC-SHA512(k0, 00000001 ‖ "DOT Final" ‖ info).
 * One home for the runtime's command and the subsystem MCU's DOT blob key.
 */
public final class StableKeys {
    private static final int CMAC_ROUNDS = 4;
    /** The AES engine takes the first 32 bytes of the 64-byte root as its CMAC key. */
    private static final int AES_KEY_SIZE = 32;
    private static final byte[] DOT_FINAL = "DOT Final".getBytes(StandardCharsets.US_ASCII);

    private StableKeys() {}

    /** The stable key for {@code info} from the IDevID ({@code ldev} false) or LDevID root of {@code dice}. */
    public static byte[] derive(DiceIdentity dice, boolean ldev, byte[] info) {
        byte[] root = dice.stableIdentityRoot(ldev);
        byte[] cmacKey = Arrays.copyOf(root, AES_KEY_SIZE);
        Arrays.fill(root, (byte) 0);
        byte[] k0 = cmacKdf(cmacKey, info);
        Arrays.fill(cmacKey, (byte) 0);
        try {
            return DiceCrypto.hmac512(k0, new byte[] {0, 0, 0, 1}, DOT_FINAL, info);
        } finally {
            Arrays.fill(k0, (byte) 0);
        }
    }

    /** SP 800-108 counter mode with AES-256-CMAC: CMAC(key, BE32(i) ‖ label) for i = 1..4. */
    static byte[] cmacKdf(byte[] key, byte[] label) {
        var cmac = new CMac(AESEngine.newInstance());
        cmac.init(new KeyParameter(key));
        byte[] out = new byte[CMAC_ROUNDS * cmac.getMacSize()];
        for (int i = 1; i <= CMAC_ROUNDS; i++) {
            byte[] counter = ByteBuffer.allocate(4).putInt(i).array();
            cmac.update(counter, 0, counter.length);
            cmac.update(label, 0, label.length);
            cmac.doFinal(out, (i - 1) * cmac.getMacSize());
        }
        return out;
    }
}
